package dk.klaremaal.communication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.platform.NotFoundException;
import dk.klaremaal.platform.RequestPaths;
import dk.klaremaal.platform.TimeConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2, read-only: an organisation (the {@code jurisdiction_id}, its slug) offers its
 * case types as services, and its cases are service requests with the expected time of a case
 * received when they were. Responses are XML or JSON by the file suffix; errors are lists of
 * {@code code} and {@code description} in the same format.
 * <p>
 * Every case type is a service (its name and expected time are public anyway), but only the cases of
 * case types listed in Open311 are service requests; a case type whose cases concern persons is
 * never listed, so its cases are neither in the list nor found by id.
 */
@RestController
class Open311Controller {

    static final int MAX_REQUESTS = 1000;
    static final Duration DEFAULT_SPAN = Duration.ofDays(90);
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When the endpoint last changed in a way a client may notice. */
    static final String CHANGESET = "2026-12-02 00:00";
    static final List<String> FORMATS = List.of("text/xml", "application/json");

    private final CatalogueService catalogue;
    private final ExpectedTimeService expectedTimes;
    private final Open311Repository repository;
    private final JsonMapper json;
    private final Clock clock;

    private final ExpectedTimeText expectedText;
    private final MessageSource messages;

    Open311Controller(CatalogueService catalogue, ExpectedTimeService expectedTimes, Open311Repository repository, JsonMapper json,
                      Clock clock, ExpectedTimeText expectedText, MessageSource messages) {
        this.expectedText = expectedText;
        this.messages = messages;
        this.catalogue = catalogue;
        this.expectedTimes = expectedTimes;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /** A failure reported the Open311 way. */
    static final class Open311Error extends RuntimeException {
        final HttpStatus status;

        Open311Error(HttpStatus status, String description) {
            super(description);
            this.status = status;
        }
    }

    private record File(String name, String format) {
    }

    private File file(String file) {
        int dot = file.lastIndexOf('.');
        String format = dot < 0 ? "" : file.substring(dot + 1);
        if (!format.equals("json") && !format.equals("xml")) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, say("open311.error.format"));
        }
        return new File(file.substring(0, dot), format);
    }

    @GetMapping("/open311/v2/{file}")
    ResponseEntity<String> list(@PathVariable String file, @RequestParam Map<String, String> query) {
        File f;
        try {
            f = file(file);
        } catch (Open311Error e) {
            return error(e, file.endsWith(".json") ? "json" : "xml");
        }
        try {
            Organisation organisation = jurisdiction(query.get("jurisdiction_id"));
            return switch (f.name()) {
                case "services" -> render(f.format(), "services", "service", services(organisation));
                case "requests" -> render(f.format(), "service_requests", "request",
                        requests(organisation, split(query.get("service_request_id")), query));
                default -> throw new Open311Error(HttpStatus.NOT_FOUND, say("open311.error.noResource", f.name()));
            };
        } catch (Open311Error e) {
            return error(e, f.format());
        }
    }

    @GetMapping("/open311/v2/requests/{file}")
    ResponseEntity<String> request(@PathVariable String file, @RequestParam Map<String, String> query) {
        File f;
        try {
            f = file(file);
        } catch (Open311Error e) {
            return error(e, "xml");
        }
        try {
            Organisation organisation = jurisdiction(query.get("jurisdiction_id"));
            // The id names one request: it is not split at commas (a case number as written may hold one).
            List<Map<String, Object>> found = requests(organisation, List.of(f.name()), Map.of());
            if (found.isEmpty()) {
                throw new Open311Error(HttpStatus.NOT_FOUND, say("open311.error.noRequest", f.name(), organisation.slug()));
            }
            return render(f.format(), "service_requests", "request", found);
        } catch (Open311Error e) {
            return error(e, f.format());
        }
    }

    /** A service's definition: there is none, as every service's {@code metadata} is false. */
    @GetMapping("/open311/v2/services/{file}")
    ResponseEntity<String> definition(@PathVariable String file) {
        String format = formatOf(file);
        String code = file.endsWith("." + format) ? file.substring(0, file.length() - format.length() - 1) : file;
        return error(new Open311Error(HttpStatus.NOT_FOUND, say("open311.error.noDefinition", code)), format);
    }

    @PostMapping({"/open311/v2/{file}", "/open311/v2/requests/{file}"})
    ResponseEntity<String> create(@PathVariable String file) {
        return error(new Open311Error(HttpStatus.FORBIDDEN, say("open311.error.readOnly")), formatOf(file));
    }

    /** Every other address under the endpoint answers with an Open311 error in the format its suffix asks for (XML otherwise). */
    @io.swagger.v3.oas.annotations.Hidden
    @RequestMapping("/open311/v2/**")
    ResponseEntity<String> elsewhere(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return error(new Open311Error(HttpStatus.NOT_FOUND, say("open311.error.noResource", path)), formatOf(path));
    }

    /**
     * The GeoReport discovery document: the one production endpoint, its formats, the specification
     * it follows and whom to ask.
     */
    @GetMapping("/open311/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        if (!format.equals("json") && !format.equals("xml")) {
            return error(new Open311Error(HttpStatus.BAD_REQUEST, say("open311.error.format")), "xml");
        }
        String url = ServletUriComponentsBuilder.fromContextPath(request).path("/open311/v2").build().toUriString();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", url);
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", FORMATS);
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", CHANGESET);
        discovery.put("contact", say("open311.discovery.contact"));
        discovery.put("key_service", say("open311.discovery.keyService"));
        discovery.put("endpoints", List.of(endpoint));
        if (format.equals("json")) {
            return ResponseEntity.ok().contentType(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8))
                    .body(json.writeValueAsString(discovery));
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<discovery>");
        element(xml, "changeset", CHANGESET);
        element(xml, "contact", discovery.get("contact"));
        element(xml, "key_service", discovery.get("key_service"));
        xml.append("<endpoints><endpoint>");
        for (String field : List.of("specification", "url", "changeset", "type")) {
            element(xml, field, endpoint.get(field));
        }
        xml.append("<formats>");
        FORMATS.forEach(f -> element(xml, "format", f));
        xml.append("</formats></endpoint></endpoints></discovery>");
        return ResponseEntity.ok().contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8)).body(xml.toString());
    }

    private static void element(StringBuilder xml, String name, Object value) {
        xml.append('<').append(name).append('>').append(value == null ? "" : dk.klaremaal.platform.Markup.escape(String.valueOf(value)))
                .append("</").append(name).append('>');
    }

    private static String formatOf(String path) {
        return path.endsWith(".json") ? "json" : "xml";
    }

    private String say(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, locale);
    }

    private Organisation jurisdiction(String slug) {
        if (slug == null || slug.isBlank()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, say("open311.error.jurisdictionRequired"));
        }
        try {
            return catalogue.organisation(slug);
        } catch (NotFoundException e) {
            throw new Open311Error(HttpStatus.NOT_FOUND, say("open311.error.noJurisdiction", slug));
        }
    }

    private List<Map<String, Object>> services(Organisation organisation) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (CaseType t : catalogue.caseTypes(organisation)) {
            ExpectedTime e = expectedTimes.expected(t);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", t.code());
            s.put("service_name", t.name());
            Locale locale = LocaleContextHolder.getLocale();
            s.put("description", messages.getMessage("expected.open311.description",
                    new Object[]{t.name(), expectedText.days(e, locale), expectedText.source(e, locale)}, locale));
            s.put("metadata", false);
            s.put("type", "realtime");
            s.put("keywords", t.code());
            s.put("group", organisation.name());
            services.add(s);
        }
        return services;
    }

    /**
     * The requests with the given ids (then every other filter is ignored, as the specification says),
     * or those the query's filters select.
     */
    private List<Map<String, Object>> requests(Organisation organisation, List<String> ids, Map<String, String> query) {
        Instant end = clock.instant();
        Instant start = end.minus(DEFAULT_SPAN);
        Boolean open = null;
        List<String> serviceCodes = null;
        if (ids == null) {
            end = query.containsKey("end_date") ? instant("end_date", query.get("end_date"), true) : clock.instant();
            start = query.containsKey("start_date") ? instant("start_date", query.get("start_date"), false) : end.minus(DEFAULT_SPAN);
            if (!start.isBefore(end)) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, say("open311.error.startBeforeEnd"));
            }
            List<String> statuses = split(query.get("status"));
            if (statuses != null) {
                for (String s : statuses) {
                    if (!s.equals("open") && !s.equals("closed")) {
                        throw new Open311Error(HttpStatus.BAD_REQUEST, say("open311.error.status", s));
                    }
                }
                open = statuses.size() == 1 ? statuses.getFirst().equals("open") : null;
            }
            serviceCodes = split(query.get("service_code"));
        }
        List<String> keys = ids == null ? null : ids.stream().map(Open311Ids::caseKey).distinct().toList();
        Map<Long, CaseType> types = catalogue.caseTypes(organisation).stream().collect(Collectors.toMap(CaseType::id, Function.identity()));
        Map<String, ExpectedTime> expectedByDay = new HashMap<>();
        List<Map<String, Object>> requests = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (Open311Repository.CaseRow c : repository.cases(organisation.id(), start, end, serviceCodes, keys, open, MAX_REQUESTS)) {
            CaseType type = types.get(c.caseTypeId());
            ZonedDateTime received = c.received().atZone(TimeConfiguration.ZONE);
            ExpectedTime e = expectedByDay.computeIfAbsent(type.id() + "@" + received.toLocalDate(),
                    k -> expectedTimes.expected(type, received.toLocalDate()));
            LocalDate expectedDay = expectedTimes.expectedDate(type, e, received.toLocalDate());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", Open311Ids.id(type.code(), c.caseId()));
            r.put("status", c.open() ? "open" : "closed");
            r.put("status_notes", messages.getMessage(c.open() ? "open311.status.open" : "open311.status.closed", null, locale));
            r.put("service_name", type.name());
            r.put("service_code", type.code());
            r.put("description", messages.getMessage("open311.request.description", new Object[]{type.name(), c.caseId()}, locale));
            r.put("agency_responsible", organisation.name());
            r.put("service_notice", e.known() ? messages.getMessage("expected.open311.notice",
                    new Object[]{expectedText.days(e, LocaleContextHolder.getLocale())}, LocaleContextHolder.getLocale()) : null);
            r.put("requested_datetime", format(received));
            r.put("updated_datetime", format(c.updated().atZone(TimeConfiguration.ZONE)));
            r.put("expected_datetime", expectedDay == null ? null : format(received.with(expectedDay)));
            r.put("address", null);
            r.put("address_id", null);
            r.put("zipcode", null);
            r.put("lat", null);
            r.put("long", null);
            r.put("media_url", null);
            requests.add(r);
        }
        return requests;
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? null : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A W3C date and time with its zone; a space where the zone's sign was is a '+' a client did not encode. */
    private static final Pattern UNENCODED_PLUS = Pattern.compile("(T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?) (\\d{2}:\\d{2})$");

    /**
     * A W3C date and time with its zone ({@code 2026-10-23T03:21:50+01:00}, also with the '+' arrived
     * as a space), or a date alone, a year and month, or a year (W3C's coarser forms), which are the
     * whole day, month or year in Danish time: from its start as a start date, to its end as an end date.
     */
    private Instant instant(String field, String value, boolean end) {
        String v = UNENCODED_PLUS.matcher(value.trim()).replaceFirst("$1+$2");
        try {
            if (v.contains("T")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            LocalDate first;
            LocalDate after;
            if (v.matches("\\d{4}")) {
                first = Year.parse(v).atDay(1);
                after = first.plusYears(1);
            } else if (v.matches("\\d{4}-\\d{2}")) {
                first = YearMonth.parse(v).atDay(1);
                after = first.plusMonths(1);
            } else {
                first = LocalDate.parse(v);
                after = first.plusDays(1);
            }
            return (end ? after : first).atStartOfDay(TimeConfiguration.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, say("open311.error.date", field));
        }
    }

    private static String format(ZonedDateTime time) {
        return time.toOffsetDateTime().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private ResponseEntity<String> render(String format, String root, String element, List<Map<String, Object>> items) {
        if (format.equals("json")) {
            return ResponseEntity.ok().contentType(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8))
                    .body(json.writeValueAsString(items));
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").append(root).append('>');
        for (Map<String, Object> item : items) {
            xml.append('<').append(element).append('>');
            item.forEach((k, v) -> xml.append('<').append(k).append('>').append(v == null ? "" : dk.klaremaal.platform.Markup.escape(String.valueOf(v)))
                    .append("</").append(k).append('>'));
            xml.append("</").append(element).append('>');
        }
        xml.append("</").append(root).append('>');
        return ResponseEntity.ok().contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8)).body(xml.toString());
    }

    private ResponseEntity<String> error(Open311Error e, String format) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.status.value());
        error.put("description", e.getMessage());
        ResponseEntity<String> body = render(format, "errors", "error", List.of(error));
        return ResponseEntity.status(e.status).headers(body.getHeaders()).body(body.getBody());
    }
}
