package dk.klaremaal.access;

import dk.klaremaal.platform.ForbiddenException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which organisations the caller may change: a token limited to an organisation may touch that
 * organisation and those below it, and nothing else; an unlimited token may touch all.
 */
@Component
public class AccessPolicy {

    private final JdbcClient jdbc;

    AccessPolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the current caller may write for this organisation. */
    public boolean allows(long organisationId) {
        Long limit = limit();
        if (limit == null) {
            return true;
        }
        return jdbc.sql("""
                        with recursive up(id, parent_id) as (
                            select id, parent_id from organisation where id = ?
                            union all
                            select o.id, o.parent_id from organisation o join up on o.id = up.parent_id)
                        select exists (select 1 from up where id = ?)""")
                .params(organisationId, limit).query(Boolean.class).single();
    }

    /** Refuses with 403 unless the caller may write for this organisation. */
    public void check(long organisationId, String what) {
        if (!allows(organisationId)) {
            throw new ForbiddenException("This API token may not " + what + " for that organisation; it is limited to "
                    + organisationName(limit()) + " and the organisations below it");
        }
    }

    /** A limited caller may not create top-level organisations or act across all organisations. */
    public void checkUnlimited(String what) {
        Long limit = limit();
        if (limit != null) {
            throw new ForbiddenException("This API token may not " + what + "; it is limited to " + organisationName(limit));
        }
    }

    /** Whether the caller acts for all organisations (an unlimited token, or the application itself). */
    public boolean unlimited() {
        return limit() == null;
    }

    /**
     * Whether the caller acts for an organisation strictly above this one (or for all): the department
     * that approves the goals of the organisations below it.
     */
    public boolean above(long organisationId) {
        Long limit = limit();
        if (limit == null) {
            return true;
        }
        return limit != organisationId && allows(organisationId);
    }

    /** Refuses with 403 unless the call carries a token. */
    public void requireToken() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ApiPrincipal)) {
            throw new ForbiddenException("This needs an API token");
        }
    }

    public String refusal(long organisationId) {
        return "this API token may only send data for " + organisationName(limit()) + " and the organisations below it";
    }

    private String organisationName(Long id) {
        return id == null ? "all organisations" : jdbc.sql("select name from organisation where id = ?").param(id).query(String.class).single();
    }

    private static Long limit() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ApiPrincipal p ? p.organisationId() : null;
    }
}
