package dk.klaremaal.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The changes a request makes, as before/after pairs, kept with the request's audit-log entry. Services
 * call {@link #record} for what they change; work the application does outside a request is not a
 * person's change and is not recorded.
 */
@Component
public class AuditTrail {

    static final String ATTRIBUTE = AuditTrail.class.getName() + ".changes";

    /** One changed thing: what it is, its id, and the whole record before and after (null when new or removed). */
    public record Change(String entity, String id, Object before, Object after) {
    }

    public void record(String entity, Object id, Object before, Object after) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Change> changes = (List<Change>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (changes == null) {
            changes = new ArrayList<>();
            request.setAttribute(ATTRIBUTE, changes, RequestAttributes.SCOPE_REQUEST);
        }
        changes.add(new Change(entity, String.valueOf(id), before, after));
    }
}
