package dk.klaremaal.communication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.IndicatorKind;
import java.util.List;
import java.util.Optional;

/**
 * The published goal a case type's applicants are told about (in a receipt letter, on a screen): the case
 * type's own processing-time goal; else, when the case type has a service goal, a service-goal goal on the
 * service that holds it (such a goal names a service, not a case type, and measures each of the service's
 * case types with a service goal); else any other goal on the case type.
 */
final class CaseTypeGoal {

    private CaseTypeGoal() {
    }

    static Optional<Goal> of(CaseType caseType, boolean hasServiceGoal, List<Goal> published) {
        Optional<Goal> own = published.stream()
                .filter(g -> g.caseTypeId() != null && g.caseTypeId() == caseType.id())
                .filter(g -> g.indicator().kind() == IndicatorKind.PROCESSING_TIME)
                .findFirst();
        if (own.isPresent()) {
            return own;
        }
        if (hasServiceGoal) {
            Optional<Goal> service = published.stream()
                    .filter(g -> g.indicator().kind() == IndicatorKind.SERVICE_GOAL)
                    .filter(g -> g.indicator().serviceId() != null && g.indicator().serviceId() == caseType.serviceId())
                    .findFirst();
            if (service.isPresent()) {
                return service;
            }
        }
        return published.stream().filter(g -> g.caseTypeId() != null && g.caseTypeId() == caseType.id()).findFirst();
    }
}
