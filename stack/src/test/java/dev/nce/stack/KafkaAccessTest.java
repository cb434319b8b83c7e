package dev.nce.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 part 2: the secure broker's ACLs give each service exactly the topics and groups its channels use (read
 * from its application.properties) and literal names only.
 */
class KafkaAccessTest {

    @Test
    void everyChannelOfEveryServiceIsAllowedAndNothingMore() throws IOException {
        for (KafkaAccess access : KafkaAccess.ALL) {
            Properties props = new Properties();
            Path file = TestStacks.repoRoot().resolve(access.service().moduleName())
                    .resolve("src/main/resources/application.properties");
            try (Reader in = Files.newBufferedReader(file)) {
                props.load(in);
            }
            Set<String> topics = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (String key : props.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                    topics.add(props.getProperty(key));
                } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                    groups.add(props.getProperty(key));
                }
            }
            assertEquals(topics, new TreeSet<>(access.reads()), access.user() + " reads");
            assertEquals(groups, new TreeSet<>(access.groups()), access.user() + " groups");
            assertEquals(access.service().moduleName(), access.user());
            assertTrue(access.acls().stream().allMatch(a -> a.pattern().patternType() == PatternType.LITERAL));
            // per read topic: READ, and DESCRIBE + WRITE on its dead-letter topic (issue 16)
            assertEquals(4 + access.writes().size() + 3 * access.reads().size() + access.groups().size(), access.acls().size());
            assertTrue(access.acls().stream().noneMatch(a -> a.entry().operation() == AclOperation.ALL));
        }
        assertEquals(Set.of("nce.catalog.offers.v1"), Set.copyOf(KafkaAccess.of(Service.CATALOG).writes()));
        assertEquals(Set.of("nce.billing.invoice-tasks.v1", "nce.billing.invoices.v1"),
                Set.copyOf(KafkaAccess.of(Service.BILLING).writes()));
    }
}
