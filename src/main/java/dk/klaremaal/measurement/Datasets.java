package dk.klaremaal.measurement;

import dk.klaremaal.platform.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every dataset by name, for the API and the upload page. */
@Component
class Datasets {

    private final Map<String, Dataset> byName = new TreeMap<>();

    Datasets(List<Dataset> datasets) {
        datasets.forEach(d -> byName.put(d.name(), d));
    }

    Dataset get(String name) {
        Dataset dataset = byName.get(name);
        if (dataset == null) {
            throw new NotFoundException("No dataset named " + name);
        }
        return dataset;
    }

    List<Dataset> all() {
        return List.copyOf(byName.values());
    }
}
