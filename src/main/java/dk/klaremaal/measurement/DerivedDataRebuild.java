package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.catalogue.Organisation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the data derived from the stored case events – case records, spans and histograms – by replaying
 * every case with the case clock, as an ingest of all the events from scratch would. Needed when the rules
 * they are counted by change (see {@link DerivedRules}) or when they are suspected to be wrong.
 * <p>
 * One case type at a time, each in a transaction of its own that holds the case type's ingest lock: its cases
 * are read from a cursor and replayed one by one, the rows written to files, copied in and swapped for the
 * stored ones, only those that differ. Memory stays bounded whatever the number of events; readers are never
 * locked out (they read the old rows until the case type's transaction commits), and ingests wait only for
 * the case type being rebuilt. One rebuild runs at a time across all nodes.
 */
@Service
public class DerivedDataRebuild {

    private static final Logger log = LoggerFactory.getLogger(DerivedDataRebuild.class);

    /** What a rebuild did: case types, cases and events replayed, derived rows removed and added, and its time. */
    public record Result(String rulesVersion, int caseTypes, long cases, long events, long rowsRemoved, long rowsAdded, long millis) {
    }

    private final CatalogueRepository catalogue;
    private final CaseEventRepository events;
    private final DerivedDataRepository derived;
    private final WorkingDayCalendar calendar;
    private final DerivedRules rules;
    private final TransactionTemplate transaction;

    DerivedDataRebuild(CatalogueRepository catalogue, CaseEventRepository events, DerivedDataRepository derived, WorkingDayCalendar calendar,
                       DerivedRules rules, PlatformTransactionManager transactions) {
        this.catalogue = catalogue;
        this.events = events;
        this.derived = derived;
        this.calendar = calendar;
        this.rules = rules;
        this.transaction = new TransactionTemplate(transactions);
        // Each case type commits on its own, also when the rebuild is asked for by a request (which runs in a transaction of its own).
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Rebuilds everything now and records the current rules version. */
    public Result rebuild() {
        return derived.exclusively(this::rebuildAll);
    }

    /**
     * Rebuilds when the derived data was counted by other rules than the current ones (or it is not known by
     * which); empty when it was current. Another node that is rebuilding is waited for, and then nothing is left to do.
     */
    public Optional<Result> rebuildIfRulesChanged() {
        return derived.exclusively(() -> {
            Optional<String> recorded = derived.rulesVersion();
            if (recorded.isPresent() && recorded.get().equals(rules.version())) {
                return Optional.empty();
            }
            if (recorded.isEmpty() && !derived.anyEvents()) {
                derived.recordRulesVersion(rules.version());
                return Optional.empty();
            }
            log.info("The derived case data was counted by rules {}; the rules are now {}: rebuilding it from the stored events",
                    recorded.orElse("(not recorded)"), rules.version());
            return Optional.of(rebuildAll());
        });
    }

    private Result rebuildAll() {
        long started = System.nanoTime();
        Map<Long, ClosingDays> closing = catalogue.findAllOrganisations().stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::closingDays));
        List<CaseType> caseTypes = catalogue.findAllCaseTypes();
        long[] totals = new long[4];
        for (CaseType type : caseTypes) {
            long[] counts = transaction.execute(status -> rebuild(type, closing.getOrDefault(type.organisationId(), ClosingDays.NONE)));
            for (int i = 0; i < totals.length; i++) {
                totals[i] += counts[i];
            }
        }
        derived.recordRulesVersion(rules.version());
        Result result = new Result(rules.version(), caseTypes.size(), totals[0], totals[1], totals[2], totals[3],
                (System.nanoTime() - started) / 1_000_000);
        log.info("Rebuilt the derived case data: {}", result);
        return result;
    }

    /** One case type, in the caller's transaction: its cases, events, rows removed and rows added. */
    private long[] rebuild(CaseType type, ClosingDays closing) {
        events.lockCaseTypes(List.of(type.id()));
        Path records = null;
        Path spans = null;
        try {
            records = Files.createTempFile("klaremaal-rebuilt-records", ".csv");
            spans = Files.createTempFile("klaremaal-rebuilt-spans", ".csv");
            long[] counts = new long[4];
            try (Writer r = Files.newBufferedWriter(records); Writer s = Files.newBufferedWriter(spans)) {
                events.forEachStoredCase(type.id(), (key, stored, sent) -> {
                    CaseClock.Timeline timeline;
                    try {
                        timeline = CaseTimelines.replay(stored, type, closing, calendar);
                    } catch (CaseClock.SequenceException e) {
                        throw new IllegalStateException("case " + key.caseId() + " of case type " + type.code() + " (" + type.id()
                                + ") no longer replays under the current rules: " + e.getMessage(), e);
                    }
                    CaseTimelines.write(r, s, key, timeline, false);
                    counts[0]++;
                    counts[1] += stored.size();
                });
            }
            DerivedDataRepository.Changes changes = derived.replace(type.id(), records, spans);
            counts[2] = changes.removed();
            counts[3] = changes.added();
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Path p : new Path[]{records, spans}) {
                if (p != null) {
                    p.toFile().delete();
                }
            }
        }
    }
}
