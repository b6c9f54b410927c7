package dk.klaremaal.catalogue;

import dk.klaremaal.platform.FieldLimits;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import dk.klaremaal.platform.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CatalogueService {

    private final dk.klaremaal.access.AccessPolicy access;

    private final CatalogueRepository repository;

    private final dk.klaremaal.access.AuditTrail audit;

    public CatalogueService(CatalogueRepository repository, dk.klaremaal.access.AccessPolicy access, dk.klaremaal.access.AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.access = access;
    }

    public record NewOrganisation(String parent, String kind, String slug, String name, ClosingDays closingDays, String region) {

        public NewOrganisation(String parent, String kind, String slug, String name, ClosingDays closingDays) {
            this(parent, kind, slug, name, closingDays, null);
        }
    }

    /**
     * A new case type. Unless said otherwise its cases concern persons ({@code concernsPersons} true)
     * and Open311 does not list them ({@code open311Listed} false).
     */
    public record NewCaseType(String service, String serviceName, String code, String name, String clockStart, Boolean excludePauses,
                              Boolean concernsPersons, Boolean open311Listed) {

        public NewCaseType(String service, String serviceName, String code, String name, String clockStart, Boolean excludePauses) {
            this(service, serviceName, code, name, clockStart, excludePauses, null, null);
        }
    }

    /**
     * Whether a case type's cases concern persons, whether Open311 lists them and whether they concern persons in a
     * sensitive way; null leaves a flag as it is.
     */
    public record Privacy(Boolean concernsPersons, Boolean open311Listed, Boolean sensitive) {

        public Privacy(Boolean concernsPersons, Boolean open311Listed) {
            this(concernsPersons, open311Listed, null);
        }
    }

    public List<Organisation> organisations() {
        return repository.findAllOrganisations();
    }

    public Organisation organisation(String slug) {
        return repository.findOrganisation(slug)
                .orElseThrow(() -> new NotFoundException("No organisation with slug '" + slug + "'"));
    }

    public Organisation organisation(long id) {
        return repository.findOrganisation(id).orElseThrow(() -> new NotFoundException("No organisation with id " + id));
    }

    public CaseType caseType(Organisation organisation, String code) {
        return repository.findCaseType(organisation.id(), code)
                .orElseThrow(() -> new NotFoundException(organisation.name() + " has no case type '" + code + "'"));
    }

    public CaseType caseType(long id) {
        return repository.findCaseType(id).orElseThrow(() -> new NotFoundException("No case type with id " + id));
    }

    /** The name of a service, empty for an unknown id. */
    public java.util.Optional<String> serviceName(long serviceId) {
        return repository.findServiceName(serviceId);
    }

    /** The code of the service a case type belongs to. */
    public java.util.Optional<String> serviceCode(CaseType type) {
        return repository.findServiceCode(type.serviceId());
    }

    public List<CaseType> caseTypes(Organisation organisation) {
        return repository.findCaseTypes(organisation.id());
    }

    @Transactional
    public Organisation createOrganisation(NewOrganisation input) {
        List<FieldProblem> problems = new ArrayList<>();
        Long parentId = null;
        if (input.parent() != null && !input.parent().isBlank()) {
            parentId = input.parent().length() > FieldLimits.CODE ? null
                    : repository.findOrganisation(input.parent()).map(Organisation::id).orElse(null);
            if (parentId == null) {
                problems.add(new FieldProblem("parent", "no organisation with slug '" + input.parent() + "'"));
            } else {
                access.check(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER, parentId);
            }
        } else {
            access.checkEverywhere(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER, "create top-level organisations");
        }
        OrganisationKind kind = null;
        try {
            kind = OrganisationKind.fromCode(input.kind() == null ? "" : input.kind());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("kind", e.getMessage()));
        }
        checkSlug("slug", input.slug(), problems);
        if (problems.stream().noneMatch(p -> p.field().equals("slug")) && repository.findOrganisation(input.slug()).isPresent()) {
            problems.add(new FieldProblem("slug", "an organisation with slug '" + input.slug() + "' already exists"));
        }
        checkName("name", input.name(), problems);
        Region region = null;
        if (input.region() != null && !input.region().isBlank()) {
            try {
                region = Region.fromCode(input.region());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("region", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ClosingDays closing = input.closingDays() == null ? ClosingDays.NONE : input.closingDays();
        long id = repository.insertOrganisation(parentId, kind, input.slug(), input.name().trim(), closing, region);
        Organisation created = repository.findOrganisation(id).orElseThrow();
        audit.record("organisation", id, null, created);
        return created;
    }

    /** Places an organisation in a region (or in none). */
    @Transactional
    public Organisation setRegion(Organisation organisation, String region) {
        access.check(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER, organisation.id());
        Region r;
        try {
            r = region == null || region.isBlank() ? null : Region.fromCode(region);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("region", e.getMessage());
        }
        repository.updateRegion(organisation.id(), r);
        Organisation changed = organisation(organisation.id());
        audit.record("organisation", organisation.id(), organisation, changed);
        return changed;
    }

    /** Renames an organisation; its slug (and so its addresses) stay. */
    @Transactional
    public Organisation rename(Organisation organisation, String name) {
        access.check(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER, organisation.id());
        List<FieldProblem> problems = new ArrayList<>();
        checkName("name", name, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.rename(organisation.id(), name.trim());
        Organisation changed = organisation(organisation.id());
        audit.record("organisation", organisation.id(), organisation, changed);
        return changed;
    }

    /** Adds a case type, creating its service on first use. */
    @Transactional
    public CaseType createCaseType(String organisationSlug, NewCaseType input) {
        Organisation organisation = organisation(organisationSlug);
        access.check(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER, organisation.id());
        List<FieldProblem> problems = new ArrayList<>();
        checkSlug("service", input.service(), problems);
        FieldLimits.text(problems, "serviceName", input.serviceName(), FieldLimits.NAME);
        checkSlug("code", input.code(), problems);
        checkName("name", input.name(), problems);
        ClockStart clockStart = ClockStart.RECEIVED;
        if (input.clockStart() != null) {
            try {
                clockStart = ClockStart.fromCode(input.clockStart());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("clockStart", e.getMessage()));
            }
        }
        if (problems.stream().noneMatch(p -> p.field().equals("code")) && repository.findCaseType(organisation.id(), input.code()).isPresent()) {
            problems.add(new FieldProblem("code", "case type '" + input.code() + "' already exists in " + organisation.name()));
        }
        boolean concernsPersons = input.concernsPersons() == null || input.concernsPersons();
        boolean listed = input.open311Listed() != null && input.open311Listed();
        checkListing(concernsPersons, listed, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long serviceId = repository.findService(organisation.id(), input.service())
                .map(dk.klaremaal.catalogue.Service::id)
                .orElseGet(() -> repository.insertService(organisation.id(), input.service(),
                        input.serviceName() == null || input.serviceName().isBlank() ? input.name().trim() : input.serviceName().trim(), null));
        long id = repository.insertCaseType(organisation.id(), serviceId, input.code(), input.name().trim(), clockStart,
                input.excludePauses() == null || input.excludePauses(), concernsPersons, listed);
        CaseType created = repository.findCaseType(id).orElseThrow();
        audit.record("case_type", id, null, created);
        return created;
    }

    /**
     * Declares whether a case type's cases concern persons and whether Open311 lists them. Listing is
     * refused for a case type whose cases concern persons: Open311 would publish each of them.
     */
    @Transactional
    public CaseType setPrivacy(Organisation organisation, String code, Privacy input) {
        access.check(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER, organisation.id());
        CaseType type = caseType(organisation, code);
        boolean concernsPersons = input.concernsPersons() == null ? type.concernsPersons() : input.concernsPersons();
        boolean listed = input.open311Listed() == null ? type.open311Listed() && !concernsPersons : input.open311Listed();
        boolean sensitive = input.sensitive() == null ? type.sensitive() && concernsPersons : input.sensitive();
        List<FieldProblem> problems = new ArrayList<>();
        checkListing(concernsPersons, listed, problems);
        if (sensitive && !concernsPersons) {
            problems.add(FieldLimits.Rule.SENSITIVE_ONLY_PERSONAL.problem("sensitive"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.updatePrivacy(type.id(), concernsPersons, listed, sensitive);
        CaseType changed = caseType(type.id());
        audit.record("case_type", type.id(), type, changed);
        return changed;
    }

    private static void checkListing(boolean concernsPersons, boolean listed, List<FieldProblem> problems) {
        if (listed && concernsPersons) {
            problems.add(FieldLimits.Rule.PERSONAL_NOT_LISTED.problem("open311Listed"));
        }
    }

    /** A slug or code: lower-case letters, digits and single hyphens, at most {@value FieldLimits#CODE} characters. */
    static void checkSlug(String field, String value, List<FieldProblem> problems) {
        FieldLimits.code(problems, field, value);
    }

    /** A name: one line of at most {@value FieldLimits#NAME} characters. */
    static void checkName(String field, String value, List<FieldProblem> problems) {
        FieldLimits.required(problems, field, value, FieldLimits.NAME);
    }
}
