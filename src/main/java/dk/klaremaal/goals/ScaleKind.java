package dk.klaremaal.goals;

import dk.klaremaal.platform.Codes;
import java.util.EnumSet;
import java.util.Set;

/** The families of assessment scales the source material uses, each with its own statuses. */
public enum ScaleKind {
    /** ✓ / −. */
    BINARY(EnumSet.of(Status.MET, Status.NOT_MET)),
    /** Tilfredsstillende / på vej / utilfredsstillende. */
    TRAFFIC_LIGHT(EnumSet.of(Status.SATISFACTORY, Status.ON_THE_WAY, Status.UNSATISFACTORY)),
    /** Opfyldt / delvist opfyldt / ikke opfyldt. */
    FULFILMENT(EnumSet.of(Status.MET, Status.PARTLY_MET, Status.NOT_MET));

    private final Set<Status> statuses;

    ScaleKind(Set<Status> statuses) {
        this.statuses = statuses;
    }

    public Set<Status> statuses() {
        return statuses;
    }

    public String code() {
        return Codes.of(this);
    }

    public static ScaleKind fromCode(String code) {
        return Codes.parse(ScaleKind.class, code, "scale kind");
    }
}
