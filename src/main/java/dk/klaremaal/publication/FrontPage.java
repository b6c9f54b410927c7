package dk.klaremaal.publication;

import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.OrganisationKind;
import dk.klaremaal.catalogue.Region;
import dk.klaremaal.goals.Status;
import dk.klaremaal.platform.Codes;
import dk.klaremaal.platform.DanishOrder;
import dk.klaremaal.platform.InvalidInputException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The front page: every organisation (as a tree), or those a search and filters find, each with an overview of its
 * goals' latest stored statuses, and the national summary of all of them.
 */
@Service
class FrontPage {

    /** The longest search text taken. */
    static final int MAX_QUERY = 100;

    /** What the reader asked for: a search text and filters by kind and region (each null when not given). */
    record Query(String text, OrganisationKind kind, Region region) {
        public boolean any() {
            return text != null || kind != null || region != null;
        }
    }

    /** How many goals are met, partly met, not met or without an assessment in their latest period with a value. */
    record Overview(long met, long partlyMet, long notMet, long unassessed) {
        static final Overview NONE = new Overview(0, 0, 0, 0);

        public long goals() {
            return met + partlyMet + notMet + unassessed;
        }

        Overview plus(Overview o) {
            return new Overview(met + o.met, partlyMet + o.partlyMet, notMet + o.notMet, unassessed + o.unassessed);
        }
    }

    /** Why an organisation was found: its own name, or one of its services or case types. */
    enum MatchKind {
        ORGANISATION, SERVICE, CASE_TYPE;

        public String code() {
            return Codes.of(this);
        }
    }

    record Match(MatchKind kind, String name) {
    }

    record Entry(Organisation organisation, int depth, Overview overview, List<Match> matches) {
    }

    record View(Query query, List<Entry> entries, Overview national, LocalDate computedOn) {
    }

    private final dk.klaremaal.catalogue.CatalogueService catalogue;
    private final FrontPageRepository repository;

    FrontPage(dk.klaremaal.catalogue.CatalogueService catalogue, FrontPageRepository repository) {
        this.catalogue = catalogue;
        this.repository = repository;
    }

    /** Reads the parameters, naming the one that is wrong. Blank ones count as not given. */
    static Query query(String q, String art, String region) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_QUERY) {
            problems.add(new InvalidInputException.FieldProblem("q", "must be at most " + MAX_QUERY + " characters"));
        }
        OrganisationKind kind = null;
        Region r = null;
        try {
            kind = art == null || art.isBlank() ? null : OrganisationKind.fromCode(art);
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInputException.FieldProblem("art", e.getMessage()));
        }
        try {
            r = region == null || region.isBlank() ? null : Region.fromCode(region);
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInputException.FieldProblem("region", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Query(text, kind, r);
    }

    View view(Query query) {
        List<Organisation> all = catalogue.organisations();
        Map<Long, Overview> overviews = new HashMap<>();
        LocalDate computedOn = null;
        Overview national = Overview.NONE;
        for (FrontPageRepository.StatusCount c : repository.latestStatuses()) {
            Overview one = overview(c.status(), c.goals());
            overviews.merge(c.organisationId(), one, Overview::plus);
            national = national.plus(one);
            if (c.computedOn() != null && (computedOn == null || c.computedOn().isAfter(computedOn))) {
                computedOn = c.computedOn();
            }
        }
        List<Entry> entries = new ArrayList<>();
        if (!query.any()) {
            for (PublicationController.TreeEntry t : PublicationController.tree(all)) {
                entries.add(new Entry(t.organisation(), t.depth(), overviews.getOrDefault(t.organisation().id(), Overview.NONE), List.of()));
            }
            return new View(query, entries, national, computedOn);
        }
        Map<Long, List<Match>> matches = query.text() == null ? Map.of() : matches(all, query.text());
        all.stream()
                .filter(o -> query.kind() == null || o.kind() == query.kind())
                .filter(o -> query.region() == null || o.region() == query.region())
                .filter(o -> query.text() == null || matches.containsKey(o.id()))
                .sorted(DanishOrder.by(Organisation::name))
                .forEach(o -> entries.add(new Entry(o, 0, overviews.getOrDefault(o.id(), Overview.NONE), matches.getOrDefault(o.id(), List.of()))));
        return new View(query, entries, national, computedOn);
    }

    /** The organisations whose name, or a service's or case type's name, holds the text, with what matched. */
    private Map<Long, List<Match>> matches(List<Organisation> all, String text) {
        String wanted = folded(text);
        Map<Long, Set<Match>> found = new HashMap<>();
        for (Organisation o : all) {
            if (folded(o.name()).contains(wanted)) {
                found.computeIfAbsent(o.id(), k -> new LinkedHashSet<>()).add(new Match(MatchKind.ORGANISATION, o.name()));
            }
        }
        repository.serviceAndCaseTypeNames().stream()
                .filter(n -> folded(n.name()).contains(wanted))
                .sorted(DanishOrder.by(FrontPageRepository.Name::name))
                .forEach(n -> found.computeIfAbsent(n.organisationId(), k -> new LinkedHashSet<>())
                        .add(new Match(n.caseType() ? MatchKind.CASE_TYPE : MatchKind.SERVICE, n.name())));
        Map<Long, List<Match>> result = new HashMap<>();
        found.forEach((id, set) -> result.put(id, List.copyOf(set)));
        return result;
    }

    private static final Locale DANISH = Locale.forLanguageTag("da");

    /**
     * A text as the search compares it: in lower case by Danish rules, composed, and with "aa" read as "å" (as the
     * Danish order reads it), so "aabenraa", "Åbenrå" and "ÅBENRÅ" find Aabenraa.
     */
    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(DANISH).replace("aa", "å");
    }

    /** The overview a count of goals with one stored status makes: by the status's rank (best, middle, worst). */
    static Overview overview(String statusName, long goals) {
        Status status = null;
        if (statusName != null) {
            for (Status s : Status.values()) {
                if (s.name().equalsIgnoreCase(statusName)) {
                    status = s;
                }
            }
        }
        if (status == null) {
            return new Overview(0, 0, 0, goals);
        }
        return switch (status.rank()) {
            case 0 -> new Overview(goals, 0, 0, 0);
            case 1 -> new Overview(0, goals, 0, 0);
            case 2 -> new Overview(0, 0, goals, 0);
            default -> new Overview(0, 0, 0, goals);
        };
    }
}
