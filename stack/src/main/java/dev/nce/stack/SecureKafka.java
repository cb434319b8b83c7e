package dev.nce.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The secure broker's material (issue 14 part 2, {@code ./nce up --secure}): a CA and a broker certificate for
 * 127.0.0.1 generated with the JDK's {@code keytool} at the first start, and random SCRAM-SHA-512 passwords for the
 * broker's own {@code admin} user and one user per service ({@link KafkaAccess}), kept under {@code <dir>} so a
 * restart reuses them. Clients trust the CA through a PEM file, as the chart mounts {@code kafka.tls.caSecret}.
 */
public final class SecureKafka {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN = "admin";

    private final Path dir;
    private final Properties secrets;

    private SecureKafka(Path dir, Properties secrets) {
        this.dir = dir;
        this.secrets = secrets;
    }

    /** Loads the material under {@code dir}, generating what is missing (everything when {@code fresh}). */
    public static SecureKafka prepare(Path dir, boolean fresh) {
        try {
            if (fresh) {
                KafkaBroker.deleteTree(dir);
            }
            Files.createDirectories(dir);
            Path file = dir.resolve("secrets.properties");
            Properties secrets = new Properties();
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
            } else {
                secrets.setProperty("store", randomPassword());
                secrets.setProperty("user." + ADMIN, randomPassword());
                for (KafkaAccess access : KafkaAccess.ALL) {
                    secrets.setProperty("user." + access.user(), randomPassword());
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    secrets.store(out, "local secure broker: keystore and SCRAM passwords (generated)");
                }
            }
            SecureKafka secure = new SecureKafka(dir, secrets);
            if (!Files.isRegularFile(secure.caPem()) || !Files.isRegularFile(secure.brokerKeystore())) {
                secure.generateCertificates();
            }
            return secure;
        } catch (IOException e) {
            throw new StackException("cannot prepare the secure broker's material under " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path caPem() {
        return dir.resolve("ca.crt");
    }

    public Path brokerKeystore() {
        return dir.resolve("broker.p12");
    }

    public String storePassword() {
        return secrets.getProperty("store");
    }

    public String password(String user) {
        String password = secrets.getProperty("user." + user);
        if (password == null) {
            throw new StackException("no SCRAM user " + user + " on the secure broker");
        }
        return password;
    }

    /** Every SCRAM user with its password: the broker's admin first, then one per service. */
    public Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put(ADMIN, password(ADMIN));
        for (KafkaAccess access : KafkaAccess.ALL) {
            users.put(access.user(), password(access.user()));
        }
        return users;
    }

    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The client settings of one user, the same keys the chart renders (SASL_SSL, SCRAM-SHA-512, PEM truststore). */
    public Map<String, Object> clientProperties(String bootstrapServers, String user) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("security.protocol", "SASL_SSL");
        props.put("sasl.mechanism", MECHANISM);
        props.put("sasl.jaas.config", jaas(user, password(user)));
        props.put("ssl.truststore.type", "PEM");
        props.put("ssl.truststore.location", caPem().toString());
        return props;
    }

    /** Broker settings of the SASL_SSL listener, its keystore and the ACL authorizer (no ACL = no access). */
    Map<String, String> brokerSettings() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(ADMIN, password(ADMIN)));
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", brokerKeystore().toString());
        p.put("ssl.keystore.password", storePassword());
        p.put("ssl.key.password", storePassword());
        p.put("ssl.client.auth", "none");
        // the broker's own inter-broker client trusts the same CA as the services
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", caPem().toString());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // the controller listener (127.0.0.1 only, PLAINTEXT inside the single KRaft node) acts as ANONYMOUS
        p.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** The {@code kafka-storage format} arguments that create every SCRAM user with the storage. */
    List<String> formatArguments() {
        List<String> args = new ArrayList<>();
        users().forEach((user, password) -> {
            args.add("--add-scram");
            args.add(MECHANISM + "=[name=" + user + ",password=" + password + "]");
        });
        return args;
    }

    /**
     * A CA (basic constraints CA:true) and a broker key signed by it for 127.0.0.1 and localhost, with keytool's
     * {@code -signer}; the broker keystore keeps only the broker's key with its chain, the CA leaves as PEM.
     */
    private void generateCertificates() throws IOException {
        Path ca = dir.resolve("ca.p12");
        Files.deleteIfExists(ca);
        Files.deleteIfExists(brokerKeystore());
        String pass = storePassword();
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                "-dname", "CN=NCE local CA", "-ext", "bc:c", "-keystore", ca.toString(), "-storetype", "PKCS12",
                "-storepass", pass);
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1,dns:localhost", "-signer", "ca",
                "-signerkeypass", pass, "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", pass);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-file", caPem().toString(), "-keystore", ca.toString(),
                "-storepass", pass);
        Files.copy(ca, brokerKeystore());
        keytool("-delete", "-alias", "ca", "-keystore", brokerKeystore().toString(), "-storepass", pass);
        Files.delete(ca);
    }

    private void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new StackException("keytool " + args[0] + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new StackException("interrupted while generating the broker certificate");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
