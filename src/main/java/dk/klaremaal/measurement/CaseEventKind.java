package dk.klaremaal.measurement;

import java.util.Locale;

/**
 * What happened to a case. The declaration order breaks ties between events of one case that
 * carry the same timestamp (a case received and completed at the same moment is received first).
 */
public enum CaseEventKind {
    RECEIVED, COMPLETED, RESUMED, PAUSED, DECIDED, REOPENED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseEventKind fromCode(String code) {
        for (CaseEventKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown event '" + code + "'; expected one of received, completed, paused, resumed, decided, reopened");
    }
}
