package dk.klaremaal.catalogue;

import java.util.List;

/**
 * A named group of organisations that are fair to compare (a peer group), e.g. municipalities of a
 * population band, or urban municipalities. {@code members} are organisation slugs in name order.
 */
public record ComparisonGroup(long id, String slug, String name, String nameEn, String description, List<String> members) {

    public ComparisonGroup {
        members = List.copyOf(members);
    }

    /** The name in the reader's language: the English name where one is given. */
    public String name(boolean english) {
        return english && nameEn != null ? nameEn : name;
    }

    public boolean hasMember(String organisationSlug) {
        return members.contains(organisationSlug);
    }
}
