package dk.klaremaal.catalogue;

import dk.klaremaal.access.AccessPolicy;
import dk.klaremaal.access.AuditTrail;
import dk.klaremaal.platform.FieldLimits;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import dk.klaremaal.platform.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comparison groups (peer groups). Anyone may read them; a group spans organisations, so creating one,
 * changing it and setting its members needs the administer right for all organisations. Every change
 * is in the audit log.
 */
@Service
public class ComparisonGroupService {

    /** The most members a group may have (there are 98 municipalities and some hundred other organisations). */
    static final int MAX_MEMBERS = 2000;

    public record GroupInput(String slug, String name, String nameEn, String description, List<String> members) {
    }

    private final ComparisonGroupRepository repository;
    private final CatalogueRepository catalogue;
    private final AccessPolicy access;
    private final AuditTrail audit;

    ComparisonGroupService(ComparisonGroupRepository repository, CatalogueRepository catalogue, AccessPolicy access, AuditTrail audit) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.access = access;
        this.audit = audit;
    }

    public List<ComparisonGroup> groups() {
        return repository.findAll();
    }

    public Optional<ComparisonGroup> find(String slug) {
        return slug == null || slug.length() > FieldLimits.CODE ? Optional.empty() : repository.find(slug);
    }

    public ComparisonGroup group(String slug) {
        return find(slug).orElseThrow(() -> new NotFoundException("No comparison group '" + slug + "'"));
    }

    /** The groups an organisation belongs to. */
    public List<ComparisonGroup> groupsOf(String organisationSlug) {
        return groups().stream().filter(g -> g.hasMember(organisationSlug)).toList();
    }

    @Transactional
    public ComparisonGroup create(GroupInput input) {
        access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "create comparison groups");
        List<FieldProblem> problems = new ArrayList<>();
        FieldLimits.code(problems, "slug", input.slug());
        if (problems.isEmpty() && repository.find(input.slug()).isPresent()) {
            problems.add(new FieldProblem("slug", "a comparison group with slug '" + input.slug() + "' already exists"));
        }
        List<Long> members = checked(input, problems);
        long id = repository.insert(input.slug(), input.name().trim(), blankToNull(input.nameEn()), blankToNull(input.description()));
        repository.replaceMembers(id, members);
        ComparisonGroup created = repository.find(input.slug()).orElseThrow();
        audit.record("comparison_group", id, null, created);
        return created;
    }

    /** Changes a group's names, description and members (all of them: the list replaces the old one). */
    @Transactional
    public ComparisonGroup update(String slug, GroupInput input) {
        access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "change comparison groups");
        ComparisonGroup before = group(slug);
        List<FieldProblem> problems = new ArrayList<>();
        if (input.slug() != null && !input.slug().equals(slug)) {
            problems.add(new FieldProblem("slug", "a group's slug cannot change; leave it out or give '" + slug + "'"));
        }
        List<Long> members = checked(input, problems);
        repository.update(before.id(), input.name().trim(), blankToNull(input.nameEn()), blankToNull(input.description()));
        repository.replaceMembers(before.id(), members);
        ComparisonGroup after = group(slug);
        audit.record("comparison_group", before.id(), before, after);
        return after;
    }

    @Transactional
    public void delete(String slug) {
        access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "delete comparison groups");
        ComparisonGroup before = group(slug);
        repository.delete(before.id());
        audit.record("comparison_group", before.id(), before, null);
    }

    /** Checks names and members; throws with every problem named by field, or returns the members' ids. */
    private List<Long> checked(GroupInput input, List<FieldProblem> problems) {
        FieldLimits.required(problems, "name", input.name(), FieldLimits.NAME);
        FieldLimits.text(problems, "nameEn", input.nameEn(), FieldLimits.NAME);
        FieldLimits.lines(problems, "description", input.description(), FieldLimits.TEXT);
        List<Long> ids = new ArrayList<>();
        List<String> members = input.members() == null ? List.of() : input.members();
        if (FieldLimits.count(problems, "members", members, MAX_MEMBERS)) {
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            for (int index = 0; index < members.size(); index++) {
                final int i = index;
                String m = members.get(i);
                if (m == null || m.length() > FieldLimits.CODE) {
                    problems.add(new FieldProblem("members[" + i + "]", "no organisation with slug '" + m + "'"));
                } else if (!seen.add(m)) {
                    problems.add(new FieldProblem("members[" + i + "]", "'" + m + "' is listed twice"));
                } else {
                    catalogue.findOrganisation(m).ifPresentOrElse(o -> ids.add(o.id()),
                            () -> problems.add(new FieldProblem("members[" + i + "]", "no organisation with slug '" + m + "'")));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return ids;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
