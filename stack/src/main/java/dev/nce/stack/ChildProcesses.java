package dev.nce.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Child JVMs of the stack, tracked by PID files under {@code <base>/pids}. A process is ours only if its command line
 * carries the stack's marker ({@link StackConfig#processMarker()}), so a stale PID file never makes us signal a
 * stranger that reused the PID.
 */
final class ChildProcesses {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final StackConfig config;

    ChildProcesses(StackConfig config) {
        this.config = config;
    }

    /** The java binary of this JVM: children run on the same JDK. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts {@code command} (a java command line that must contain the marker) with stdout and stderr in
     * {@code <base>/logs/<name>.log} and writes {@code <base>/pids/<name>.pid}. The child runs in its own session (so
     * a Ctrl-C on the terminal that ran {@code ./nce up} does not reach it) unless it must die with this JVM.
     */
    long start(String name, List<String> command, boolean appendLog) {
        return start(name, command, appendLog, java.util.Map.of());
    }

    /** As {@link #start(String, List, boolean)}, with extra environment variables (the secure stack's Kafka settings). */
    long start(String name, List<String> command, boolean appendLog, java.util.Map<String, String> env) {
        if (!command.contains(config.processMarker())) {
            throw new IllegalArgumentException("child command without the stack marker: " + command);
        }
        try {
            Files.createDirectories(config.logs());
            Files.createDirectories(config.pids());
            List<String> cmd = new ArrayList<>();
            if (!config.stopOnExit() && Files.isExecutable(SETSID)) {
                cmd.add(SETSID.toString()); // a non-leader child: setsid execs in place, so the PID stays the JVM's
            }
            cmd.addAll(command);
            File log = config.logFile(name).toFile();
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(config.base().toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log) : ProcessBuilder.Redirect.to(log));
            pb.environment().putAll(env);
            Process p = pb.start();
            Files.writeString(config.pidFile(name), Long.toString(p.pid()) + "\n", StandardCharsets.UTF_8);
            return p.pid();
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The live process recorded for {@code name}, if it is one of ours. */
    Optional<ProcessHandle> find(String name) {
        Path pidFile = config.pidFile(name);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurs);
    }

    boolean isOurs(ProcessHandle h) {
        String marker = config.processMarker();
        Optional<String[]> args = h.info().arguments();
        if (args.isPresent()) {
            for (String a : args.get()) {
                if (a.equals(marker)) {
                    return true;
                }
            }
            return false;
        }
        // Fall back to /proc when the JDK cannot read the arguments.
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline"));
            for (String a : new String(raw, StandardCharsets.UTF_8).split("\0")) {
                if (a.equals(marker)) {
                    return true;
                }
            }
        } catch (IOException ignored) {
            // gone or unreadable: not ours to signal
        }
        return false;
    }

    /**
     * Stops {@code name}: SIGTERM, up to 30 s for it to exit, then SIGKILL. Removes the PID file. Returns true if a
     * process was running.
     */
    boolean stop(String name) {
        Optional<ProcessHandle> h = find(name);
        boolean wasRunning = h.isPresent();
        h.ifPresent(p -> terminate(p, 30));
        try {
            Files.deleteIfExists(config.pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wasRunning;
    }

    /**
     * Kills {@code name} abruptly (SIGKILL: no shutdown hooks, no graceful close of consumers or transactions), waits
     * until it has exited and removes the PID file. Returns the PID it killed, or -1 if nothing was running.
     */
    long kill(String name) {
        Optional<ProcessHandle> h = find(name);
        h.ifPresent(p -> {
            p.destroyForcibly();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception ignored) {
                // reported by the caller's next status
            }
        });
        try {
            Files.deleteIfExists(config.pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return h.map(ProcessHandle::pid).orElse(-1L);
    }

    static void terminate(ProcessHandle p, int graceSeconds) {
        p.destroy();
        try {
            p.onExit().get(graceSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller's next status
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }

    /** Resident set size of a process in bytes (from /proc), or -1. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not on Linux or gone
        }
        return -1;
    }

    /** The last {@code lines} lines of a log, for error reports. */
    static String tail(Path log, int lines) {
        try {
            if (!Files.isRegularFile(log)) {
                return "(no log at " + log + ")";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
