package dk.klaremaal.communication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.platform.NotFoundException;
import dk.klaremaal.platform.TimeConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
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
        static File of(String file) {
            int dot = file.lastIndexOf('.');
            String format = dot < 0 ? "" : file.substring(dot + 1);
            if (!format.equals("json") && !format.equals("xml")) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "ask for .xml or .json");
            }
            return new File(file.substring(0, dot), format);
        }
    }

    @GetMapping("/open311/v2/{file}")
    ResponseEntity<String> list(@PathVariable String file, @RequestParam Map<String, String> query) {
        File f;
        try {
            f = File.of(file);
        } catch (Open311Error e) {
            return error(e, file.endsWith(".json") ? "json" : "xml");
        }
        try {
            Organisation organisation = jurisdiction(query.get("jurisdiction_id"));
            return switch (f.name()) {
                case "services" -> render(f.format(), "services", "service", services(organisation));
                case "requests" -> render(f.format(), "service_requests", "request", requests(organisation, query));
                default -> throw new Open311Error(HttpStatus.NOT_FOUND, "no resource " + f.name());
            };
        } catch (Open311Error e) {
            return error(e, f.format());
        }
    }

    @GetMapping("/open311/v2/requests/{file}")
    ResponseEntity<String> request(@PathVariable String file, @RequestParam Map<String, String> query) {
        File f;
        try {
            f = File.of(file);
        } catch (Open311Error e) {
            return error(e, "xml");
        }
        try {
            Organisation organisation = jurisdiction(query.get("jurisdiction_id"));
            List<Map<String, Object>> found = requests(organisation, Map.of("service_request_id", f.name()));
            if (found.isEmpty()) {
                throw new Open311Error(HttpStatus.NOT_FOUND, "no service request " + f.name() + " in " + organisation.slug());
            }
            return render(f.format(), "service_requests", "request", found);
        } catch (Open311Error e) {
            return error(e, f.format());
        }
    }

    @PostMapping({"/open311/v2/{file}", "/open311/v2/requests/{file}"})
    ResponseEntity<String> create(@PathVariable String file) {
        String format = file.endsWith(".json") ? "json" : "xml";
        return error(new Open311Error(HttpStatus.FORBIDDEN,
                "this endpoint publishes cases and expected times; new requests are made to the organisation itself"), format);
    }

    private Organisation jurisdiction(String slug) {
        if (slug == null || slug.isBlank()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "jurisdiction_id is required: the slug of an organisation, e.g. vejle-teknik-og-miljoe");
        }
        try {
            return catalogue.organisation(slug);
        } catch (NotFoundException e) {
            throw new Open311Error(HttpStatus.NOT_FOUND, "no jurisdiction " + slug);
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

    private List<Map<String, Object>> requests(Organisation organisation, Map<String, String> query) {
        List<String> ids = split(query.get("service_request_id"));
        Instant end = query.containsKey("end_date") ? instant("end_date", query.get("end_date")) : clock.instant();
        Instant start = query.containsKey("start_date") ? instant("start_date", query.get("start_date")) : end.minus(DEFAULT_SPAN);
        if (!start.isBefore(end)) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "start_date must be before end_date");
        }
        Boolean open = null;
        List<String> statuses = split(query.get("status"));
        if (statuses != null) {
            for (String s : statuses) {
                if (!s.equals("open") && !s.equals("closed")) {
                    throw new Open311Error(HttpStatus.BAD_REQUEST, "status is open or closed, not " + s);
                }
            }
            open = statuses.size() == 1 ? statuses.getFirst().equals("open") : null;
        }
        Map<Long, CaseType> types = catalogue.caseTypes(organisation).stream().collect(Collectors.toMap(CaseType::id, Function.identity()));
        Map<String, ExpectedTime> expectedByDay = new HashMap<>();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (Open311Repository.CaseRow c : repository.cases(organisation.id(), start, end, split(query.get("service_code")), ids, open,
                MAX_REQUESTS)) {
            CaseType type = types.get(c.caseTypeId());
            ZonedDateTime received = c.received().atZone(TimeConfiguration.ZONE);
            ExpectedTime e = expectedByDay.computeIfAbsent(type.id() + "@" + received.toLocalDate(),
                    k -> expectedTimes.expected(type, received.toLocalDate()));
            LocalDate expectedDay = expectedTimes.expectedDate(type, e, received.toLocalDate());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", type.code() + ":" + c.caseId());
            r.put("status", c.open() ? "open" : "closed");
            r.put("status_notes", c.open() ? "Sagen er under behandling." : "Sagen er afgjort.");
            r.put("service_name", type.name());
            r.put("service_code", type.code());
            r.put("description", null);
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

    private static Instant instant(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, field + " must be a w3 date and time with a zone, such as 2025-05-01T00:00:00+02:00");
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
