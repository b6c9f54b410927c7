package dk.klaremaal.communication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import dk.klaremaal.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipt letters: templates per case type and language, filled in for a case with the expected
 * decision date, rendered as HTML and as an A4 PDF with embedded IBM Plex Sans.
 */
@Service
public class LetterService {

    private final dk.klaremaal.access.AccessPolicy access;

    public record TemplateInput(String subject, String body, String updatedBy) {
    }

    public record LetterRequest(String organisation, String caseType, String caseNumber, String applicantName, String receivedDate,
                                String language) {
    }

    /** Contact details printed on letters. */
    public record Contact(String address, String phone, String email, String website) {
        static final Contact NONE = new Contact(null, null, null, null);
    }

    /** A filled-in letter: the subject and body paragraphs (already HTML-escaped, lines joined by {@code <br/>}). */
    public record Letter(String language, String subject, List<String> paragraphs, Organisation organisation, Contact contact,
                         LocalDate expectedDate) {
    }

    private static final Map<String, DateTimeFormatter> DATES = Map.of(
            "da", DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da")),
            "en", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));

    private final JdbcClient jdbc;
    private final CatalogueService catalogue;
    private final GoalService goals;
    private final ExpectedTimeService expectedTimes;
    private final LetterHtml html;
    private final dk.klaremaal.platform.PdfRenderer pdf;
    private final dk.klaremaal.access.AuditTrail audit;
    private final Clock clock;
    private final ExpectedTimeText expectedText;
    private final org.springframework.context.MessageSource messages;
    private final dk.klaremaal.catalogue.ServiceGoalRepository serviceGoals;

    LetterService(JdbcClient jdbc, CatalogueService catalogue, GoalService goals, ExpectedTimeService expectedTimes, LetterHtml html,
                  dk.klaremaal.platform.PdfRenderer pdf, Clock clock, dk.klaremaal.access.AccessPolicy access,
                  dk.klaremaal.access.AuditTrail audit, ExpectedTimeText expectedText, org.springframework.context.MessageSource messages,
                  dk.klaremaal.catalogue.ServiceGoalRepository serviceGoals) {
        this.serviceGoals = serviceGoals;
        this.expectedText = expectedText;
        this.messages = messages;
        this.audit = audit;
        this.pdf = pdf;
        this.access = access;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.goals = goals;
        this.expectedTimes = expectedTimes;
        this.html = html;
        this.clock = clock;
    }

    public List<LetterTemplate> templates(CaseType caseType) {
        return jdbc.sql("select * from letter_template where case_type_id = ? order by language").param(caseType.id())
                .query((rs, i) -> new LetterTemplate(rs.getLong("case_type_id"), rs.getString("language"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    public Optional<LetterTemplate> template(CaseType caseType, String language) {
        return templates(caseType).stream().filter(t -> t.language().equals(language)).findFirst();
    }

    /** Checks a template; every problem is named with its field. */
    static List<FieldProblem> check(String language, TemplateInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!DATES.containsKey(language)) {
            problems.add(new FieldProblem("language", "letters are written in da or en"));
        }
        if (in.subject() == null || in.subject().isBlank()) {
            problems.add(new FieldProblem("subject", "must not be empty"));
        }
        if (in.body() == null || in.body().isBlank()) {
            problems.add(new FieldProblem("body", "must not be empty"));
        }
        LetterTemplate.problems(in.subject()).forEach(p -> problems.add(new FieldProblem("subject", p)));
        LetterTemplate.problems(in.body()).forEach(p -> problems.add(new FieldProblem("body", p)));
        return problems;
    }

    @Transactional
    public LetterTemplate save(CaseType caseType, String language, TemplateInput in, String sender) {
        access.check(dk.klaremaal.access.AccessPolicy.Action.EDIT, caseType.organisationId());
        List<FieldProblem> problems = check(language, in);
        if (in.updatedBy() == null || in.updatedBy().isBlank()) {
            problems.add(new FieldProblem("updatedBy", "name the person who writes the template"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = in.updatedBy().trim() + (sender == null ? "" : " (" + sender + ")");
        LetterTemplate before = template(caseType, language).orElse(null);
        jdbc.sql("""
                        insert into letter_template (case_type_id, language, subject, body, updated_by) values (?, ?, ?, ?, ?)
                        on conflict (case_type_id, language) do update set subject = excluded.subject, body = excluded.body,
                            updated_by = excluded.updated_by, updated_at = now()""")
                .params(caseType.id(), language, in.subject(), in.body(), by).update();
        LetterTemplate after = template(caseType, language).orElseThrow();
        audit.record("letter_template", caseType.id() + "/" + language, before, after);
        return after;
    }

    public Contact contact(Organisation organisation) {
        return jdbc.sql("select address, phone, email, website from organisation_contact where organisation_id = ?").param(organisation.id())
                .query((rs, i) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElse(Contact.NONE);
    }

    @Transactional
    public Contact saveContact(Organisation organisation, Contact contact) {
        access.check(dk.klaremaal.access.AccessPolicy.Action.EDIT, organisation.id());
        audit.record("contact", organisation.id(), contact(organisation), contact);
        jdbc.sql("""
                        insert into organisation_contact (organisation_id, address, phone, email, website) values (?, ?, ?, ?, ?)
                        on conflict (organisation_id) do update set address = excluded.address, phone = excluded.phone,
                            email = excluded.email, website = excluded.website""")
                .params(organisation.id(), contact.address(), contact.phone(), contact.email(), contact.website()).update();
        return contact(organisation);
    }

    /** The letter for a case, from the stored template of its case type and language. */
    public Letter letter(LetterRequest request, String baseUrl) {
        List<FieldProblem> problems = new ArrayList<>();
        Organisation organisation = catalogue.organisation(request.organisation() == null ? "" : request.organisation());
        access.check(dk.klaremaal.access.AccessPolicy.Action.REPORT, organisation.id());
        CaseType caseType = catalogue.caseType(organisation, request.caseType() == null ? "" : request.caseType());
        String language = request.language() == null ? "da" : request.language();
        if (!DATES.containsKey(language)) {
            throw new InvalidInputException("language", "letters are written in da or en");
        }
        LetterTemplate template = template(caseType, language).orElseThrow(() -> new NotFoundException(
                caseType.name() + " has no receipt-letter template in '" + language + "'"));
        if (request.caseNumber() == null || request.caseNumber().isBlank()) {
            problems.add(new FieldProblem("caseNumber", "is missing"));
        }
        LocalDate received = received(request, caseType, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return fill(organisation, caseType, language, template.subject(), template.body(), request.caseNumber().trim(),
                request.applicantName(), received, baseUrl, true);
    }

    /** A letter from a template being edited, with example case data, for the editor's live preview. */
    public Letter preview(Organisation organisation, CaseType caseType, String language, TemplateInput in, String baseUrl) {
        access.check(dk.klaremaal.access.AccessPolicy.Action.READ, organisation.id());
        List<FieldProblem> problems = check(language, in);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return fill(organisation, caseType, language, in.subject(), in.body(), "2025-00123",
                language.equals("en") ? "Jane Example" : "Anne Eksempel", LocalDate.now(clock), baseUrl, false);
    }

    private LocalDate received(LetterRequest request, CaseType caseType, List<FieldProblem> problems) {
        if (request.receivedDate() != null && !request.receivedDate().isBlank()) {
            try {
                return LocalDate.parse(request.receivedDate());
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new FieldProblem("receivedDate", "give the day the case was received, such as 2025-05-27"));
                return null;
            }
        }
        if (request.caseNumber() == null) {
            return null;
        }
        Optional<Timestamp> stored = jdbc.sql("""
                        select min(occurred_at) from case_event where case_type_id = ? and case_id = ? and event = 'received'""")
                .params(caseType.id(), request.caseNumber().trim()).query(Timestamp.class).optional();
        if (stored.isEmpty()) {
            problems.add(new FieldProblem("receivedDate", "is missing, and no receipt of case " + request.caseNumber() + " is stored"));
            return null;
        }
        return LocalDate.ofInstant(stored.get().toInstant(), dk.klaremaal.platform.TimeConfiguration.ZONE);
    }

    /**
     * Fills in a template. A letter for a case ({@code forCase}) is never made without an expected date: it is
     * refused when the expected time is unknown. A preview shows that the date is not yet known.
     */
    private Letter fill(Organisation organisation, CaseType caseType, String language, String subject, String body, String caseNumber,
                        String applicant, LocalDate received, String baseUrl, boolean forCase) {
        DateTimeFormatter date = DATES.get(language);
        Locale locale = Locale.forLanguageTag(language);
        ExpectedTime expected = expectedTimes.expected(caseType, received);
        if (forCase && !expected.known()) {
            throw new ExpectedTimeUnknownException(caseType, expected);
        }
        LocalDate expectedDate = expectedTimes.expectedDate(caseType, expected, received);
        Optional<Goal> goal = CaseTypeGoal.of(caseType, serviceGoals.days(caseType.id()).isPresent(), goals.goalsOf(organisation));
        Contact contact = contact(organisation);
        Map<String, String> values = new HashMap<>();
        values.put("applicant_name", applicant);
        values.put("case_number", caseNumber);
        values.put("received_date", date.format(received));
        values.put("expected_date", expectedDate == null ? messages.getMessage("expected.unknownDate", null, locale) : date.format(expectedDate));
        values.put("expected_time", expectedText.days(expected, locale));
        values.put("case_type_name", caseType.name());
        values.put("goal_sentence", goal.map(Goal::sentence).orElse(""));
        values.put("goal_url", goal.map(g -> baseUrl + "/maal/" + g.id()).orElse(baseUrl + "/organisationer/" + organisation.slug()));
        values.put("organisation_name", organisation.name());
        values.put("contact_address", contact.address());
        values.put("contact_phone", contact.phone());
        values.put("contact_email", contact.email());
        values.put("contact_website", contact.website());
        values.put("today", date.format(LocalDate.now(clock)));
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : body.replace("\r\n", "\n").split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                // The template is plain text: it is escaped as a whole, and so is every value put into it.
                paragraphs.add(String.join("<br/>", LetterTemplate.fill(dk.klaremaal.platform.Markup.escape(paragraph.strip()), values, dk.klaremaal.platform.Markup::escape)
                        .split("\n")));
            }
        }
        return new Letter(language, LetterTemplate.fill(subject, values, s -> s), paragraphs, organisation, contact, expectedDate);
    }

    public String html(Letter letter) {
        return html.render(letter);
    }

    /** An A4 PDF of the letter with IBM Plex Sans embedded, so æ, ø and å print as they should. */
    public byte[] pdf(Letter letter) {
        return pdf.render(html.render(letter));
    }
}
