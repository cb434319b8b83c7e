package dev.nce.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Samples a process's resident set size (/proc/PID/status VmRSS) while the run is in flight; keeps the peak. */
final class RssSampler implements AutoCloseable {

    private final long pid;
    private final AtomicLong peakKiB = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::loop, "rss-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            long kib = read(pid, "VmRSS:");
            peakKiB.accumulateAndGet(kib, Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakMiB() { return Math.round(peakKiB.get() / 1024.0); }

    /** A /proc/PID/status field in KiB, 0 when unavailable. */
    static long read(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
