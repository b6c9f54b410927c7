package dk.klaremaal.measurement;

import dk.klaremaal.platform.Codes;

/**
 * What happened to a case. The declaration order breaks ties between events of one case that
 * carry the same timestamp (a case received and completed at the same moment is received first).
 */
public enum CaseEventKind {
    RECEIVED, COMPLETED, RESUMED, PAUSED, DECIDED, REOPENED;

    public String code() {
        return Codes.of(this);
    }

    public static CaseEventKind fromCode(String code) {
        return Codes.parse(CaseEventKind.class, code, "event");
    }
}
