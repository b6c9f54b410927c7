package dk.klaremaal.communication;

import dk.klaremaal.catalogue.CaseType;

/** A letter for a case would promise no date: the case type's expected time was unknown on the day the case was received. */
class ExpectedTimeUnknownException extends RuntimeException {

    private final CaseType caseType;
    private final ExpectedTime expected;

    ExpectedTimeUnknownException(CaseType caseType, ExpectedTime expected) {
        super("the expected processing time of " + caseType.code() + " is unknown on " + expected.windowTo());
        this.caseType = caseType;
        this.expected = expected;
    }

    CaseType caseType() {
        return caseType;
    }

    ExpectedTime expected() {
        return expected;
    }
}
