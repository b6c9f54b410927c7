package dk.klaremaal.measurement;

import dk.klaremaal.platform.Codes;

/**
 * What happened to a case. The declaration order breaks ties between events of one case that
 * carry the same timestamp (a case received and completed at the same moment is received first).
 */
public enum CaseEventKind {
    RECEIVED, COMPLETED, RESUMED, PAUSED, DECIDED, REOPENED;

    private static final java.util.Map<String, CaseEventKind> BY_CODE = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(CaseEventKind::code, k -> k));

    public String code() {
        return Codes.of(this);
    }

    /** The kind with this code; read for every event of an upload, so looked up rather than searched for. */
    public static CaseEventKind fromCode(String code) {
        CaseEventKind kind = code == null ? null : BY_CODE.get(code);
        return kind != null ? kind : Codes.parse(CaseEventKind.class, code, "event");
    }
}
