package org.saath;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * What a test loads is closed when it ends; what the class loads stays open for all its tests and is closed after
 * them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosesComponentsTest {

    @TempDir
    static Path classFolder;
    private static Components forTheClass;
    private static Components ofTheFirstTest;

    @BeforeAll
    static void loadForTheClass() {
        forTheClass = TestComponents.components(classFolder.resolve("class"), TestComponents.PK_NIGHT);
    }

    @Test
    @Order(1)
    void aTestsStoreIsOpenWhileItRuns(@TempDir Path data) {
        ofTheFirstTest = TestComponents.components(data, TestComponents.PK_NIGHT);

        assertThat(pool(ofTheFirstTest).isClosed()).isFalse();
    }

    @Test
    @Order(2)
    void aTestsStoreIsClosedWhenItEnds_theClassesStaysOpen() {
        assertThat(pool(ofTheFirstTest).isClosed()).isTrue();
        assertThat(pool(forTheClass).isClosed()).isFalse();
    }

    /** A class run on its own: what its {@code @BeforeAll} loaded is open through its tests and closed after. */
    @Test
    @Order(3)
    void aClassesStoreIsClosedAfterItsLastTest() {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(AClass.class)).build(), summary);

        assertThat(summary.getSummary().getTestsSucceededCount()).as("its tests saw the store open").isEqualTo(2);
        assertThat(pool(AClass.loaded).isClosed()).isTrue();
    }

    /** Run only by {@link #aClassesStoreIsClosedAfterItsLastTest} (Surefire leaves nested classes alone). */
    static class AClass {

        @TempDir
        static Path folder;
        static Components loaded;

        @BeforeAll
        static void load() {
            loaded = TestComponents.components(folder, TestComponents.PK_NIGHT);
        }

        @Test
        void first() {
            assertThat(pool(loaded).isClosed()).isFalse();
        }

        @Test
        void second() {
            assertThat(pool(loaded).isClosed()).isFalse();
        }
    }

    private static HikariDataSource pool(Components components) {
        return (HikariDataSource) components.database().dataSource();
    }
}
