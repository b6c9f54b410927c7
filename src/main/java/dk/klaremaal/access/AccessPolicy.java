package dk.klaremaal.access;

import dk.klaremaal.platform.ForbiddenException;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the caller may do, and for which organisations. A caller holds grants: a role in an
 * organisation and the organisations below it, or in all organisations. Signed-in staff hold the
 * roles of their account; an API token holds one grant from its scope (admin = administrator,
 * ingest = data reporter, read = reader); work the application does itself (demo data, start-up)
 * acts for all organisations.
 */
@Component
public class AccessPolicy {

    /** What a caller does to an organisation's data. */
    public enum Action {
        /** See unpublished goals and internal pages. */
        READ("see the internal data of"),
        /** Load data, manual values and milestone progress. */
        REPORT("load data for"),
        /** Draft goals, templates, contact details and comments. */
        EDIT("edit goals, templates and comments of"),
        /** Approve the goals of organisations strictly below one's own. */
        APPROVE("approve the goals of"),
        /** Catalogue, sources, accounts and tokens. */
        ADMINISTER("administer");

        private final String phrase;

        Action(String phrase) {
            this.phrase = phrase;
        }
    }

    /** The roles of the staff model; a role permits a fixed set of actions. */
    public enum Role {
        ADMINISTRATOR(List.of(Action.values())),
        APPROVER(List.of(Action.READ, Action.APPROVE)),
        EDITOR(List.of(Action.READ, Action.EDIT)),
        REPORTER(List.of(Action.READ, Action.REPORT)),
        READER(List.of(Action.READ));

        private final List<Action> actions;

        Role(List<Action> actions) {
            this.actions = actions;
        }

        public boolean permits(Action action) {
            return actions.contains(action);
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role fromCode(String code) {
            for (Role role : values()) {
                if (role.code().equals(code)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("'" + code + "' is not a role; use administrator, approver, editor, reporter or reader");
        }

        static Role ofScope(String scope) {
            return switch (scope) {
                case "admin" -> ADMINISTRATOR;
                case "ingest" -> REPORTER;
                default -> READER;
            };
        }
    }

    /** A role in an organisation and those below it; organisation null = all organisations. */
    public record Grant(Role role, Long organisationId) {
    }

    private static final List<Grant> APPLICATION = List.of(new Grant(Role.ADMINISTRATOR, null));

    private final JdbcClient jdbc;

    AccessPolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current caller's grants. */
    public List<Grant> grants() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return APPLICATION;
        }
        if (auth.getPrincipal() instanceof ApiPrincipal token) {
            return List.of(new Grant(Role.ofScope(token.scope()), token.organisationId()));
        }
        if (auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return List.of();
        }
        return jdbc.sql("""
                        select r.role, r.organisation_id from account_role r join account a on a.id = r.account_id
                        where a.username = lower(?)""")
                .param(auth.getName())
                .query((rs, i) -> new Grant(Role.fromCode(rs.getString(1)), (Long) rs.getObject(2))).list();
    }

    /** Whether the caller may do this to this organisation (approval: to an organisation strictly below a grant's). */
    public boolean allows(Action action, long organisationId) {
        for (Grant grant : grants()) {
            if (grant.role().permits(action) && covers(grant.organisationId(), organisationId, action == Action.APPROVE)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller may do this for all organisations at once. */
    public boolean allowsEverywhere(Action action) {
        return grants().stream().anyMatch(g -> g.organisationId() == null && g.role().permits(action));
    }

    /** Refuses with 403 unless the caller may do this to this organisation. */
    public void check(Action action, long organisationId) {
        if (!allows(action, organisationId)) {
            throw new ForbiddenException("You may not " + action.phrase + " " + organisationName(organisationId) + "; "
                    + describe(grants()));
        }
    }

    /** Refuses with 403 unless the caller may do this for all organisations (top-level organisations, tokens, audit log). */
    public void checkEverywhere(Action action, String what) {
        if (!allowsEverywhere(action)) {
            throw new ForbiddenException("You may not " + what + "; that needs the " + action.name().toLowerCase(Locale.ROOT)
                    + " right for all organisations, and " + describe(grants()));
        }
    }

    /** Whether the caller is a signed-in person (not an API token or the application itself). */
    public boolean person() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                && !(auth.getPrincipal() instanceof ApiPrincipal);
    }

    /**
     * Why a data row is refused, by the organisation's name, worked out once for the caller: applying it
     * reads nothing more from the database.
     */
    public UnaryOperator<String> refusals() {
        String why = describe(grants());
        return name -> "you may not load data for " + name + "; " + why;
    }

    /** The organisations a caller may do this to (all when a grant is unlimited), by id. */
    public List<Long> organisations(Action action) {
        if (allowsEverywhere(action)) {
            return jdbc.sql("select id from organisation order by name").query(Long.class).list();
        }
        List<Long> roots = grants().stream().filter(g -> g.role().permits(action) && g.organisationId() != null)
                .map(Grant::organisationId).toList();
        if (roots.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        with recursive down(id) as (
                            select id from organisation where id = any(?)
                            union
                            select o.id from organisation o join down on o.parent_id = down.id)
                        select o.id from organisation o where o.id in (select id from down)
                          and (? = false or o.id <> all(?))
                        order by o.name""")
                .params(roots.toArray(Long[]::new), action == Action.APPROVE, roots.toArray(Long[]::new))
                .query(Long.class).list();
    }

    /** An organisation to choose in a form. */
    public record Choice(String slug, String name) {
    }

    /** The organisations a caller may do this to, as choices for a form, by name. */
    public List<Choice> choices(Action action) {
        return jdbc.sql("select slug, name from organisation where id = any(?) order by name")
                .param(organisations(action).toArray(Long[]::new)).query((rs, i) -> new Choice(rs.getString(1), rs.getString(2))).list();
    }

    private boolean covers(Long grantOrganisation, long organisationId, boolean strictlyBelow) {
        if (grantOrganisation == null) {
            return true;
        }
        if (strictlyBelow && grantOrganisation == organisationId) {
            return false;
        }
        return jdbc.sql("""
                        with recursive up(id, parent_id) as (
                            select id, parent_id from organisation where id = ?
                            union all
                            select o.id, o.parent_id from organisation o join up on o.id = up.parent_id)
                        select exists (select 1 from up where id = ?)""")
                .params(organisationId, grantOrganisation).query(Boolean.class).single();
    }

    private String describe(List<Grant> grants) {
        if (grants.isEmpty()) {
            return "you have no role in any organisation";
        }
        return "you are " + String.join(", ", grants.stream().map(g -> g.role().code() + " for "
                + (g.organisationId() == null ? "all organisations" : organisationName(g.organisationId())
                + " and the organisations below it")).toList());
    }

    private String organisationName(long id) {
        return jdbc.sql("select name from organisation where id = ?").param(id).query(String.class).optional().orElse("organisation " + id);
    }
}
