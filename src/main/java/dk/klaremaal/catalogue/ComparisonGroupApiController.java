package dk.klaremaal.catalogue;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Comparison groups (peer groups): read by anyone, changed by administrators of all organisations. */
@RestController
@RequestMapping("/api/v1/comparison-groups")
class ComparisonGroupApiController {

    record GroupView(String slug, String name, String nameEn, String description, List<String> members) {
        static GroupView of(ComparisonGroup g) {
            return new GroupView(g.slug(), g.name(), g.nameEn(), g.description(), g.members());
        }
    }

    private final ComparisonGroupService groups;

    ComparisonGroupApiController(ComparisonGroupService groups) {
        this.groups = groups;
    }

    @GetMapping
    List<GroupView> all() {
        return groups.groups().stream().map(GroupView::of).toList();
    }

    @GetMapping("/{slug}")
    GroupView one(@PathVariable String slug) {
        return GroupView.of(groups.group(slug));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    GroupView create(@RequestBody ComparisonGroupService.GroupInput input) {
        return GroupView.of(groups.create(input));
    }

    @PutMapping("/{slug}")
    GroupView update(@PathVariable String slug, @RequestBody ComparisonGroupService.GroupInput input) {
        return GroupView.of(groups.update(slug, input));
    }

    @DeleteMapping("/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String slug) {
        groups.delete(slug);
    }
}
