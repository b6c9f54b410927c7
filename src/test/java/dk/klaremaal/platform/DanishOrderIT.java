package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.CatalogueService.NewOrganisation;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One order of names: the database's and Java's, both Danish, with "Aa" as "Å" after "Ø". */
class DanishOrderIT extends IntegrationTest {

    /** Written by hand from the Danish alphabet (… V, W, X, Y, Z, Æ, Ø, Å, with "aa" read as "å"). */
    private static final List<String> DANISH = List.of("Assens", "Vejle", "Zealand", "Ærø", "Ølstykke", "Østerbro", "Aabenraa",
            "Åkirkeby", "Aalborg", "Ålholm", "Aarhus");

    @Autowired
    CatalogueService catalogue;

    private static List<String> shuffled() {
        List<String> names = new ArrayList<>(DANISH);
        Collections.shuffle(names, new Random(17));
        return names;
    }

    @Test
    void javaSortsByDanishRules() {
        List<String> names = shuffled();
        names.sort(DanishOrder.TEXT);
        assertThat(names).isEqualTo(DANISH);
    }

    @Test
    void theDatabaseSortsOrganisationNamesAsJavaDoes() {
        int n = 0;
        for (String name : shuffled()) {
            catalogue.createOrganisation(new NewOrganisation(null, "municipality", "kommune-" + (++n), name, ClosingDays.NONE));
        }
        // The name column's own collation, with no collation named in the query, and the catalogue's list.
        List<String> sql = jdbc.sql("select name from organisation order by name").query(String.class).list();
        assertThat(sql).isEqualTo(DANISH);
        assertThat(catalogue.organisations().stream().map(Organisation::name).toList()).isEqualTo(DANISH);
        List<String> java = new ArrayList<>(sql);
        Collections.reverse(java);
        java.sort(DanishOrder.TEXT);
        assertThat(java).isEqualTo(sql);
    }

    @Test
    void theCollationIsTheSameForLiteralTexts() {
        List<String> sql = jdbc.sql("select n from unnest(?::text[]) n order by n collate \"da-x-icu\"")
                .param(shuffled().toArray(String[]::new)).query(String.class).list();
        assertThat(sql).isEqualTo(DANISH);
    }
}
