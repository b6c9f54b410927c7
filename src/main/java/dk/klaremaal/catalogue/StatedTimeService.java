package dk.klaremaal.catalogue;

import dk.klaremaal.access.AccessPolicy;
import dk.klaremaal.access.AuditTrail;
import dk.klaremaal.platform.FieldLimits;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processing time an organisation states for a case type: read by anyone (it is shown as the
 * expected time when nothing better is known), set or removed by those who edit the organisation,
 * checked and kept in the audit log like the case type's other settings.
 */
@Service
public class StatedTimeService {

    /** What a person sends: days null removes the stated time. */
    public record Input(Integer days, String dayUnit, String statedBy) {
    }

    private final StatedTimeRepository repository;
    private final AccessPolicy access;
    private final AuditTrail audit;

    StatedTimeService(StatedTimeRepository repository, AccessPolicy access, AuditTrail audit) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
    }

    public Optional<StatedTime> stated(CaseType caseType) {
        return repository.find(caseType.id());
    }

    /** Stores the stated time, or removes it when {@code days} is null; every problem is named with its field. */
    @Transactional
    public Optional<StatedTime> state(CaseType caseType, Input input, String sender) {
        access.check(AccessPolicy.Action.EDIT, caseType.organisationId());
        Optional<StatedTime> before = stated(caseType);
        if (input == null || input.days() == null) {
            repository.remove(caseType.id());
            audit.record("case_type_stated_time", caseType.id(), before.orElse(null), null);
            return Optional.empty();
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (input.days() < 1 || input.days() > StatedTime.MAX_DAYS) {
            problems.add(FieldLimits.Rule.RANGE.problem("days", 1, StatedTime.MAX_DAYS));
        }
        String unit = input.dayUnit() == null || input.dayUnit().isBlank() ? "calendar" : input.dayUnit().trim();
        if (!unit.equals("calendar") && !unit.equals("working")) {
            problems.add(new FieldProblem("dayUnit", "is calendar or working, not '" + unit + "'"));
        }
        FieldLimits.required(problems, "statedBy", input.statedBy(), FieldLimits.NAME);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = input.statedBy().trim() + (sender == null ? "" : " (" + sender + ")");
        repository.save(caseType.id(), input.days(), unit, by);
        StatedTime after = stated(caseType).orElseThrow();
        audit.record("case_type_stated_time", caseType.id(), before.orElse(null), after);
        return Optional.of(after);
    }
}
