package org.saath;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** What a test loads is closed when it ends; what the class loads stays open for all its tests. */
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

    @AfterAll
    static void theClassesIsClosedAfterItsLastTest() {
        assertThat(pool(forTheClass).isClosed()).isFalse();        // closed after this, before the folder goes
    }

    private static HikariDataSource pool(Components components) {
        return (HikariDataSource) components.database().dataSource();
    }
}
