package dk.klaremaal.catalogue;

/** Days an institution closes on top of the public holidays, so they are not working days either. */
public record ClosingDays(boolean constitutionDay, boolean christmasEve, boolean newYearsEve) {

    public static final ClosingDays NONE = new ClosingDays(false, false, false);
}
