package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.simple.AbstractSimpleMarkupHandler;
import org.attoparser.simple.SimpleMarkupParser;
import org.junit.jupiter.api.Test;

/**
 * Every text a person can see comes from the message bundles, in both languages: the bundles hold the
 * same keys once each, every key the templates and the Java code name exists, and no template holds
 * prose of its own (only a few names and symbols that read the same in both languages).
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Path JAVA = Path.of("src/main/java");

    /** Words that read the same in Danish and English: names of things, formats and symbols. */
    private static final Set<String> SAME_IN_BOTH = Set.of("Klaremål", "CSV", "JSON", "PDF", "API", "oEmbed", "Open311", "DCAT",
            "JSON-LD", "Bearer", "HTML", "URL", "ID", "OK");

    /** Attributes a person reads (or hears from a screen reader). */
    private static final Set<String> READ_ATTRIBUTES = Set.of("title", "alt", "aria-label", "placeholder", "aria-description", "summary");

    static Map<String, List<String>> keys(String file) throws IOException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(RESOURCES.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            // A continued line belongs to the key above it.
            if (i > 0 && lines.get(i - 1).endsWith("\\") && !lines.get(i - 1).endsWith("\\\\")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '=' && line.charAt(end) != ':' && !Character.isWhitespace(line.charAt(end))) {
                end += line.charAt(end) == '\\' ? 2 : 1;
            }
            keys.computeIfAbsent(line.substring(0, Math.min(end, line.length())), k -> new ArrayList<>()).add("line " + (i + 1));
        }
        return keys;
    }

    static Properties bundle(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void noKeyIsDefinedTwiceInAFile() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Map<String, List<String>> twice = new LinkedHashMap<>();
            keys(file).forEach((k, where) -> {
                if (where.size() > 1) {
                    twice.put(k, where);
                }
            });
            assertThat(twice).as("keys defined more than once in " + file).isEmpty();
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> danish = keys("messages.properties").keySet();
        Set<String> english = keys("messages_en.properties").keySet();
        assertThat(difference(danish, english)).as("keys only in messages.properties (Danish)").isEmpty();
        assertThat(difference(english, danish)).as("keys only in messages_en.properties (English)").isEmpty();
    }

    @Test
    void noMessageIsEmptyOrLeftUntranslated() throws IOException {
        Properties danish = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        for (String key : danish.stringPropertyNames()) {
            assertThat(danish.getProperty(key)).as("Danish text of " + key).isNotBlank();
            assertThat(english.getProperty(key, "x")).as("English text of " + key).isNotBlank();
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    /** {@code #{key}} and {@code #{key(args)}} in templates, and {@code #messages.msg('key')} with a whole key. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]|#messages\\.msg\\('([A-Za-z0-9_.\\-]+)'[,)]");

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> known = keys("messages.properties").keySet();
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher m = TEMPLATE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                String key = m.group(1) != null ? m.group(1) : m.group(2);
                if (!known.contains(key)) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key);
                }
            }
        }
        assertThat(missing).as("keys used in templates but missing from the bundles").isEmpty();
    }

    /** A string literal in Java that has the shape of a key whose first part is one the bundles use. */
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+)\"");

    @Test
    void everyKeyTheJavaCodeNamesExists() throws IOException {
        Set<String> known = keys("messages.properties").keySet();
        Set<String> prefixes = new TreeSet<>();
        known.forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
        Set<String> missing = new TreeSet<>();
        for (Path source : javaSources()) {
            String text = Files.readString(source);
            Matcher m = JAVA_LITERAL.matcher(text);
            while (m.find()) {
                String literal = m.group(1);
                boolean messageLike = prefixes.stream().anyMatch(literal::startsWith)
                        // A key's prefix with a code appended ("kind." + code) is checked below.
                        && !literal.endsWith(".");
                if (messageLike && !known.contains(literal) && !isNotAKey(literal)
                        // A key's first part, to which the page adds ".title" and ".text".
                        && known.stream().noneMatch(k -> k.startsWith(literal + "."))) {
                    missing.add(JAVA.relativize(source) + ": " + literal);
                }
            }
        }
        assertThat(missing).as("literals in Java that look like message keys but are missing from the bundles").isEmpty();
    }

    /** Dotted literals that are not message keys: property names, file names, SQL column references. */
    private static boolean isNotAKey(String literal) {
        return literal.matches(".*\\.(csv|json|pdf|html|sql|properties|svg|css|js|xml|png)$") || literal.startsWith("klaremaal.");
    }

    @Test
    void everyCodeShownByItsKeyHasOne() throws IOException {
        Set<String> known = keys("messages.properties").keySet();
        List<String> needed = new ArrayList<>();
        for (var k : dk.klaremaal.catalogue.OrganisationKind.values()) {
            needed.add("kind." + k.code());
        }
        for (var k : dk.klaremaal.catalogue.Region.values()) {
            needed.add("region." + k.code());
        }
        for (var k : dk.klaremaal.goals.IndicatorKind.values()) {
            needed.add("indicatorkind." + k.code());
        }
        for (var k : dk.klaremaal.goals.PeriodKind.values()) {
            needed.add("periodkind." + k.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (FieldLimits.Rule rule : FieldLimits.Rule.values()) {
            needed.add(rule.key());
        }
        assertThat(needed.stream().filter(k -> !known.contains(k)).toList()).as("codes without a message").isEmpty();
    }

    @Test
    void noTemplateHoldsProseOfItsOwn() throws IOException, ParseException {
        List<String> prose = new ArrayList<>();
        for (Path template : templates()) {
            prose.addAll(hardCodedProse(TEMPLATES.relativize(template).toString(), Files.readString(template)));
        }
        assertThat(prose).as("text in templates that does not come from the message bundles").isEmpty();
    }

    @Test
    void theProseCheckFindsTextAndReadAttributes() throws ParseException {
        String template = """
                <div><p>Hej verden</p><p th:text="#{x}">Prototype</p><img alt="Et billede" src="a.png">
                <span title="Klaremål">✓</span><a th:title="#{y}" title="Gammel">CSV</a>
                <script>var x = "tekst";</script><p th:text="'Dage: ' + ${n}"></p><p th:text="|${n} dage|"></p></div>""";
        assertThat(hardCodedProse("t.html", template)).containsExactly(
                "t.html line 1: text \"Hej verden\"", "t.html line 1: alt=\"Et billede\"", "t.html line 3: th:text=\"'Dage: ' + ${n}\"",
                "t.html line 3: th:text=\"|${n} dage|\"");
    }

    /** Text and read attributes that a person would see as written in the template. */
    static List<String> hardCodedProse(String name, String template) throws ParseException {
        List<String> found = new ArrayList<>();
        Deque<Set<String>> open = new ArrayDeque<>();
        new SimpleMarkupParser(ParseConfiguration.htmlConfiguration()).parse(template, new AbstractSimpleMarkupHandler() {
            @Override
            public void handleOpenElement(String element, Map<String, String> attributes, int line, int col) {
                open.push(element(element, attributes, line, false));
            }

            @Override
            public void handleStandaloneElement(String element, Map<String, String> attributes, boolean minimized, int line, int col) {
                element(element, attributes, line, true);
            }

            @Override
            public void handleAutoOpenElement(String element, Map<String, String> attributes, int line, int col) {
                handleOpenElement(element, attributes, line, col);
            }

            @Override
            public void handleCloseElement(String element, int line, int col) {
                // Void elements written without a slash (<input>) are opened and never closed: close up to this one.
                String name = "<" + element.toLowerCase(java.util.Locale.ROOT);
                if (open.stream().anyMatch(e -> e.contains(name))) {
                    while (!open.pop().contains(name)) {
                        // an element left open inside this one
                    }
                }
            }

            @Override
            public void handleAutoCloseElement(String element, int line, int col) {
                handleCloseElement(element, line, col);
            }

            private Set<String> element(String element, Map<String, String> attributes, int line, boolean standalone) {
                Set<String> names = new LinkedHashSet<>();
                names.add("<" + element.toLowerCase(java.util.Locale.ROOT));
                if (attributes != null) {
                    names.addAll(attributes.keySet());
                    String attr = attributes.getOrDefault("th:attr", "");
                    for (var e : attributes.entrySet()) {
                        String a = e.getKey();
                        if (READ_ATTRIBUTES.contains(a) && isProse(e.getValue()) && !attributes.containsKey("th:" + a) && !attr.contains(a + "=")) {
                            found.add(name + " line " + line + ": " + a + "=\"" + e.getValue() + "\"");
                        }
                        if ((a.equals("th:text") || a.equals("th:utext") || a.equals("th:replace") && element.equalsIgnoreCase("html") || a.startsWith("th:") && READ_ATTRIBUTES.contains(a.substring(3)))
                                && literalProse(e.getValue())) {
                            found.add(name + " line " + line + ": " + a + "=\"" + e.getValue() + "\"");
                        }
                    }
                }
                return names;
            }

            @Override
            public void handleText(char[] buffer, int offset, int len, int line, int col) {
                String text = new String(buffer, offset, len).strip();
                if (text.isEmpty() || !isProse(text)) {
                    return;
                }
                // Text inside an element whose content is replaced is only a prototype; scripts and styles are not read,
                // and code (field names, placeholders such as {{expected_date}}) reads the same in both languages.
                for (Set<String> element : open) {
                    // A page's <html th:replace="~{layout :: page(…, content=~{::section})}"> shows its own content.
                    if (element.contains("th:text") || element.contains("th:utext")
                            || (element.contains("th:replace") || element.contains("th:insert")) && !element.contains("<html") || element.contains("<script") || element.contains("<style") || element.contains("<code")
                            || element.contains("<title") && element.contains("th:text")) {
                        return;
                    }
                }
                found.add(name + " line " + line + ": text \"" + text + "\"");
            }
        });
        return found;
    }

    /** Two letters in a row outside the names that read the same in both languages. */
    static boolean isProse(String text) {
        String rest = text;
        for (String same : SAME_IN_BOTH) {
            rest = rest.replace(same, " ");
        }
        return Pattern.compile("\\p{L}{2,}").matcher(rest).find() && !rest.strip().startsWith("&") && !rest.contains("${")
                && !rest.contains("#{");
    }

    /** A quoted literal with words in an expression: {@code 'Dage: ' + ${n}}. */
    static boolean literalProse(String expression) {
        String e = expression.strip();
        if (e.length() > 1 && e.startsWith("|") && e.endsWith("|")
                && isProse(e.substring(1, e.length() - 1).replaceAll("[$#*@]\\{[^}]*}", " "))) {
            return true;
        }
        Matcher m = Pattern.compile("'([^']*)'").matcher(expression);
        while (m.find()) {
            String literal = m.group(1);
            // Keys, codes and date patterns are not read.
            if (isProse(literal) && !literal.matches("[A-Za-z0-9_.\\-]+") && !literal.matches("[yMdHmsEa :.,\\-]+")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(JAVA)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
