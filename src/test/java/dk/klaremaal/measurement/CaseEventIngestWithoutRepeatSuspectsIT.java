package dk.klaremaal.measurement;

import org.springframework.test.context.TestPropertySource;

/**
 * Every case-event ingest test again, with the event_ids that may be used twice never kept as
 * suspects (as for an upload with very many repeats or rows): the repeats are then looked for among
 * all rows of the upload, with the same results.
 */
@TestPropertySource(properties = "klaremaal.ingest.max-repeat-suspects=0")
class CaseEventIngestWithoutRepeatSuspectsIT extends CaseEventIngestIT {
}
