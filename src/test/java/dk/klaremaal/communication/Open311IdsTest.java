package dk.klaremaal.communication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Request ids safe in a path, checked against ids written out by hand from the UTF-8 bytes. */
class Open311IdsTest {

    @Test
    void charactersOutsideLettersDigitsAndDashUnderscoreDotAreTildeAndHex() {
        assertThat(Open311Ids.id("miljoe", "24/12345")).isEqualTo("miljoe:24~2F12345");
        assertThat(Open311Ids.id("t", "S-7,2")).isEqualTo("t:S-7~2C2");
        assertThat(Open311Ids.id("t", "01.02.03-P19_1-24")).isEqualTo("t:01.02.03-P19_1-24");
        // æ is C3 A6 in UTF-8; a space is 20; the tilde itself 7E; a colon 3A.
        assertThat(Open311Ids.encode("Sag æ 1~2:3")).isEqualTo("Sag~20~C3~A6~201~7E2~3A3");
    }

    @Test
    void anIdStandsForItsCaseNumberAndACaseNumberAsWrittenForItself() {
        assertThat(Open311Ids.caseKey("miljoe:24~2F12345")).isEqualTo("miljoe:24/12345");
        assertThat(Open311Ids.caseKey("miljoe:24/12345")).isEqualTo("miljoe:24/12345");
        assertThat(Open311Ids.caseKey("t:S-7,2")).isEqualTo("t:S-7,2");
        assertThat(Open311Ids.caseKey("t:Sag~20~C3~A6~201~7E2~3A3")).isEqualTo("t:Sag æ 1~2:3");
        // Not as encode writes it (lower-case hex, a cut-off escape, bytes that are not UTF-8): the case number as written.
        assertThat(Open311Ids.caseKey("t:24~2f1")).isEqualTo("t:24~2f1");
        assertThat(Open311Ids.caseKey("t:A~2")).isEqualTo("t:A~2");
        assertThat(Open311Ids.caseKey("t:A~FF")).isEqualTo("t:A~FF");
        for (String number : new String[]{"24/12345", "S-7,2", "~", "~2F", "a b", "Ø-1;2", "x.json", ""}) {
            assertThat(Open311Ids.caseKey(Open311Ids.id("t", number))).as(number).isEqualTo("t:" + number);
            assertThat(Open311Ids.encode(number)).as(number).matches("[A-Za-z0-9._~-]*").doesNotContain(",");
        }
    }
}
