package dev.nce.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GreenMail as a child JVM: a message sent over SMTP is listed with recipient, subject and date. */
class MailSinkTest {

    private final StackConfig config = TestStacks.config(TestStacks.repoRoot(), TestStacks.newDir("mail"), "unused");
    private final ChildProcesses processes = new ChildProcesses(config);
    private final MailSink mail = new MailSink(config, processes);

    @AfterEach
    void stop() {
        processes.stop(MailSink.NAME);
    }

    @Test
    void listsWhatItReceived() throws Exception {
        mail.start();
        mail.awaitReady(Duration.ofSeconds(60));
        assertTrue(mail.messages().isEmpty());

        send("alice@example.com", "Notice deadline in 7 days", "Wed, 2 Dec 2026 16:00:00 +0000");
        send("bob@example.com", "Invoice 2022-01", "Thu, 3 Dec 2026 01:00:00 +0000");

        List<MailSink.Message> messages = mail.messages();
        assertEquals(2, messages.size());
        assertEquals(new MailSink.Message("alice@example.com", "Notice deadline in 7 days", "Wed, 2 Dec 2026 16:00:00 +0000",
                "<m-alice@nce.local>"), messages.get(0));
        assertEquals("bob@example.com", messages.get(1).recipient());
        assertEquals("Invoice 2022-01", messages.get(1).subject());
    }

    @Test
    void unfoldsHeaders() {
        assertEquals("a b", MailSink.header("X: 1\r\nDate: a\r\n b\r\n\r\nDate: body", "date"));
        assertEquals("", MailSink.header("Subject: s\n\nDate: in the body", "Date"));
    }

    private void send(String to, String subject, String date) throws Exception {
        try (Socket s = new Socket("127.0.0.1", config.smtpPort());
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII)) {
            expect(in, "220");
            for (String[] step : new String[][] {{"HELO test", "250"}, {"MAIL FROM:<noreply@nce.local>", "250"},
                    {"RCPT TO:<" + to + ">", "250"}, {"DATA", "354"}}) {
                out.write(step[0] + "\r\n");
                out.flush();
                expect(in, step[1]);
            }
            String local = to.substring(0, to.indexOf('@'));
            out.write("From: noreply@nce.local\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nDate: " + date
                    + "\r\nMessage-ID: <m-" + local + "@nce.local>\r\n\r\nbody\r\n.\r\n");
            out.flush();
            expect(in, "250");
            out.write("QUIT\r\n");
            out.flush();
        }
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line = in.readLine();
        assertTrue(line != null && line.startsWith(code), "expected " + code + " but got " + line);
    }
}
