package org.saath.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.nlu.Analyser;
import org.saath.nlu.ModelUnavailableException;

/** The promoted model swaps on reload, and a model that cannot load leaves the old one answering. */
class PromotedModelTest {

    @TempDir
    Path models;

    @Test
    void a_change_on_disk_swaps_the_model_and_a_broken_one_keeps_the_old() throws Exception {
        Analyser committed = TestComponents.analyser();
        Analyser promoted = Components.analyser(TestComponents.config(models));
        AtomicInteger loads = new AtomicInteger();
        PromotedModel model = new PromotedModel(committed, () -> {
            if (loads.incrementAndGet() == 2) {
                throw new ModelUnavailableException("intent model cannot be read: truncated", null);
            }
            return promoted;
        });
        try (ModelFileWatcher watcher = new ModelFileWatcher(models, model)) {
            watcher.onModelChanged();
            assertThat(model.get()).isSameAs(promoted);
            watcher.onModelChanged();            // the second load fails: logged, the model in use stays
            assertThat(loads).hasValue(2);
            assertThat(model.get()).isSameAs(promoted);
        }
    }
}
