package dev.nce.notification.messaging;

import dev.nce.notification.service.ClaimedDelivery;
import dev.nce.notification.service.NotificationSettings;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** Sends one e-mail with quarkus-mailer (non-blocking); the Message-ID is the delivery's stable id. */
@ApplicationScoped
public class EmailSender {

    @Inject
    ReactiveMailer mailer;
    @Inject
    NotificationSettings settings;

    public CompletionStage<Void> send(ClaimedDelivery d) {
        Mail mail = Mail.withText(d.recipient(), d.subject(), d.body())
                .setTo(d.recipients())
                .addHeader("Message-ID", d.messageId())
                .addHeader("X-NCE-Notification-Id", d.notificationId().toString())
                .addHeader("X-NCE-Kind", d.kind().name());
        if (d.attachment() != null) { // issue 18: the invoice PDF as issued
            mail.addAttachment(d.attachment().filename(), d.attachment().content(), d.attachment().contentType());
        }
        return mailer.send(mail).ifNoItem().after(settings.emailTimeout()).fail().subscribeAsCompletionStage();
    }
}
