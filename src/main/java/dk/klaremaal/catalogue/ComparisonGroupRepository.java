package dk.klaremaal.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ComparisonGroupRepository {

    private final JdbcClient jdbc;

    public ComparisonGroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long id, String slug, String name, String nameEn, String description) {
    }

    /** Every group with its members' slugs, groups by name, members by name in Danish order. */
    public List<ComparisonGroup> findAll() {
        return assemble(jdbc.sql("select id, slug, name, name_en, description from comparison_group order by id")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list());
    }

    public Optional<ComparisonGroup> find(String slug) {
        return assemble(jdbc.sql("select id, slug, name, name_en, description from comparison_group where slug = ?").param(slug)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list())
                .stream().findFirst();
    }

    private List<ComparisonGroup> assemble(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> members = new LinkedHashMap<>();
        heads.forEach(h -> members.put(h.id(), new ArrayList<>()));
        jdbc.sql("""
                        select m.group_id, o.slug, o.name from comparison_group_member m join organisation o on o.id = m.organisation_id
                        where m.group_id = any(?)""")
                .param(heads.stream().map(Head::id).toArray(Long[]::new))
                .query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)}).list().stream()
                .sorted(java.util.Comparator.comparing(r -> (String) r[2], java.text.Collator.getInstance(java.util.Locale.forLanguageTag("da"))))
                .forEach(r -> members.get((Long) r[0]).add((String) r[1]));
        return heads.stream().map(h -> new ComparisonGroup(h.id(), h.slug(), h.name(), h.nameEn(), h.description(), members.get(h.id())))
                .toList();
    }

    public long insert(String slug, String name, String nameEn, String description) {
        return jdbc.sql("insert into comparison_group (slug, name, name_en, description) values (?, ?, ?, ?) returning id")
                .params(slug, name, nameEn, description).query(Long.class).single();
    }

    public void update(long id, String name, String nameEn, String description) {
        jdbc.sql("update comparison_group set name = ?, name_en = ?, description = ? where id = ?").params(name, nameEn, description, id).update();
    }

    public void replaceMembers(long groupId, List<Long> organisationIds) {
        jdbc.sql("delete from comparison_group_member where group_id = ?").param(groupId).update();
        for (Long organisationId : organisationIds) {
            jdbc.sql("insert into comparison_group_member (group_id, organisation_id) values (?, ?)").params(groupId, organisationId).update();
        }
    }

    public void delete(long id) {
        jdbc.sql("delete from comparison_group where id = ?").param(id).update();
    }
}
