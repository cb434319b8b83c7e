package dev.nce.contracts.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/RULES.md is the index of every rule id the code cites: its meaning (written by hand) and the classes and tests
 * that cite it (derived from the sources). This test fails when the code cites an id the index lacks, when the index
 * names a class that does not exist, or when the derived columns are stale. Refresh them with
 * {@code ./mvnw -o -q -pl contracts test -Dtest=RulesIndexTest -Dnce.rules.update=true}.
 */
class RulesIndexTest {

    /** Rule ids as docs/RULES.md defines them: R-A1..R-N9, BL-1.., D1..D99. */
    static final Pattern RULE_ID = Pattern.compile("\\b(R-[A-Z][0-9]{1,2}|BL-[0-9]{1,2}|D[0-9]{1,2})\\b");
    private static final Pattern ROW = Pattern.compile("^\\| (\\S+) \\| (.*?) \\| (.*?) \\| (.*?) \\|$");
    private static final Pattern CLASS_NAME = Pattern.compile("`([A-Za-z0-9_]+)`");
    private static final int SHOWN = 6;

    private static Path root;
    private static Map<String, Set<String>> mainCitations;
    private static Map<String, Set<String>> testCitations;
    private static Set<String> mainClasses;
    private static Set<String> testClasses;

    @BeforeAll
    static void scan() {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docs/RULES.md"))) {
            root = root.getParent();
            if (root == null) throw new IllegalStateException("docs/RULES.md not found above the working directory");
        }
        mainClasses = new TreeSet<>();
        testClasses = new TreeSet<>();
        mainCitations = citations("src/main/java", mainClasses);
        testCitations = citations("src/test/java", testClasses);
    }

    @Test
    void everyCitedRuleIdHasARowAndEveryNamedClassExists() {
        Map<String, Row> rows = readIndex();
        Set<String> cited = new TreeSet<>(mainCitations.keySet());
        cited.addAll(testCitations.keySet());
        List<String> missing = cited.stream().filter(id -> !rows.containsKey(id)).toList();
        assertEquals(List.of(), missing, "rule ids cited in code but absent from docs/RULES.md");
        List<String> unknown = new ArrayList<>();
        rows.values().forEach(r -> {
            names(r.implementedIn()).stream().filter(n -> !mainClasses.contains(n)).forEach(n -> unknown.add(r.id() + " " + n));
            names(r.tests()).stream().filter(n -> !testClasses.contains(n)).forEach(n -> unknown.add(r.id() + " " + n));
        });
        assertEquals(List.of(), unknown, "docs/RULES.md names classes that do not exist");
        rows.values().forEach(r -> assertTrue(!r.meaning().isBlank(), r.id() + " has no meaning in docs/RULES.md"));
    }

    @Test
    void derivedColumnsAreCurrent() throws IOException {
        Path file = root.resolve("docs/RULES.md");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> refreshed = lines.stream().map(RulesIndexTest::refresh).toList();
        if (Boolean.getBoolean("nce.rules.update")) {
            Files.write(file, refreshed, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(String.join("\n", refreshed), String.join("\n", lines),
                "docs/RULES.md is stale: refresh it with -Dnce.rules.update=true (see this test's Javadoc)");
    }

    private static String refresh(String line) {
        Matcher m = ROW.matcher(line);
        if (!m.matches() || !RULE_ID.matcher(m.group(1)).matches()) return line;
        String id = m.group(1);
        return "| " + id + " | " + m.group(2) + " | " + column(mainCitations.get(id), "not cited in code")
                + " | " + column(testCitations.get(id), "none") + " |";
    }

    private static String column(Set<String> classes, String none) {
        if (classes == null || classes.isEmpty()) return none;
        String shown = classes.stream().limit(SHOWN).map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        return classes.size() > SHOWN ? shown + " and " + (classes.size() - SHOWN) + " more" : shown;
    }

    private static Map<String, Row> readIndex() {
        Map<String, Row> rows = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(root.resolve("docs/RULES.md"), StandardCharsets.UTF_8)) {
                Matcher m = ROW.matcher(line);
                if (m.matches() && RULE_ID.matcher(m.group(1)).matches()) {
                    rows.put(m.group(1), new Row(m.group(1), m.group(2), m.group(3), m.group(4)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static Set<String> names(String column) {
        Set<String> names = new TreeSet<>();
        Matcher m = CLASS_NAME.matcher(column);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** id -> simple names of the classes under every module's {@code sourceRoot} whose text cites it. */
    private static Map<String, Set<String>> citations(String sourceRoot, Set<String> classes) {
        Map<String, Set<String>> byId = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(p -> Files.isDirectory(p.resolve(sourceRoot))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve(sourceRoot))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        String name = f.getFileName().toString().replace(".java", "");
                        classes.add(name);
                        if (name.equals(RulesIndexTest.class.getSimpleName())) continue;
                        Matcher m = RULE_ID.matcher(Files.readString(f, StandardCharsets.UTF_8));
                        while (m.find()) byId.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byId;
    }

    private record Row(String id, String meaning, String implementedIn, String tests) {}
}
