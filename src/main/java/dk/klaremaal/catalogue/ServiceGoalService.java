package dk.klaremaal.catalogue;

import dk.klaremaal.platform.FieldLimits;
import dk.klaremaal.platform.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service goal of a case type (servicemål): the calendar days within which its cases should be decided,
 * counted by the case type's own clock. A service-goal indicator judges each case against its own case type's
 * days, so one goal can span simple constructions (40 days) and multi-storey housing (60 days) alike.
 */
@org.springframework.stereotype.Service
public class ServiceGoalService {

    /** A service goal lies from 1 day to ten years. */
    public static final int FEWEST_DAYS = 1;
    public static final int MOST_DAYS = 3650;

    private final CatalogueService catalogue;
    private final ServiceGoalRepository repository;
    private final dk.klaremaal.access.AccessPolicy access;
    private final dk.klaremaal.access.AuditTrail audit;

    ServiceGoalService(CatalogueService catalogue, ServiceGoalRepository repository, dk.klaremaal.access.AccessPolicy access,
                       dk.klaremaal.access.AuditTrail audit) {
        this.catalogue = catalogue;
        this.repository = repository;
        this.access = access;
        this.audit = audit;
    }

    /** A case type's service goal as the API shows it: null days when it has none. */
    public record View(String caseType, String name, String service, String clockStart, boolean excludePauses, Integer days) {
    }

    /** The body of a change: the days, or null to remove the service goal. */
    public record Input(Integer days) {
    }

    public View view(Organisation organisation, String code) {
        CaseType type = catalogue.caseType(organisation, code);
        return view(type, repository.days(type.id()).orElse(null));
    }

    /** Sets (or with null days removes) a case type's service goal. */
    @Transactional
    public View set(Organisation organisation, String code, Input input) {
        access.check(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER, organisation.id());
        CaseType type = catalogue.caseType(organisation, code);
        Integer days = input == null ? null : input.days();
        if (days != null && (days < FEWEST_DAYS || days > MOST_DAYS)) {
            throw new InvalidInputException(List.of(FieldLimits.Rule.RANGE.problem("days", FEWEST_DAYS, MOST_DAYS)));
        }
        Integer before = repository.days(type.id()).orElse(null);
        repository.set(type.id(), days);
        View changed = view(type, days);
        audit.record("case_type_service_goal", type.id(), before == null ? null : view(type, before), days == null ? null : changed);
        return changed;
    }

    /** The days as typed on the staff page: blank removes the service goal. */
    public View set(Organisation organisation, String code, String typed) {
        if (typed == null || typed.isBlank()) {
            return set(organisation, code, new Input(null));
        }
        String digits = typed.trim();
        // Digits only: "1e3" and "40.0" are not how a number of days is written, though a decimal parser takes them.
        if (!digits.matches("[0-9]+")) {
            throw new InvalidInputException(List.of(FieldLimits.Rule.NOT_WHOLE_NUMBER.problem("days", digits)));
        }
        if (digits.replaceFirst("^0+(?=.)", "").length() > 9) {
            throw new InvalidInputException(List.of(FieldLimits.Rule.RANGE.problem("days", FEWEST_DAYS, MOST_DAYS)));
        }
        return set(organisation, code, new Input(Integer.valueOf(digits)));
    }

    /** The service goals of an organisation's case types, by case type id. */
    public Map<Long, Integer> ofOrganisation(Organisation organisation) {
        return repository.ofOrganisation(organisation.id());
    }

    /** The case types of a service that have a service goal. */
    public List<ServiceGoalRepository.ServiceGoal> ofService(long serviceId) {
        return repository.ofService(serviceId);
    }

    private View view(CaseType type, Integer days) {
        return new View(type.code(), type.name(), catalogue.serviceCode(type).orElse(null), type.clockStart().code(), type.excludePauses(),
                days);
    }
}
