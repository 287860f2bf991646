package org.cityvitals.indicators.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdsTest {
    private final Thresholds pm25 = new Thresholds(Direction.HIGHER_IS_WORSE, 75.0, 115.0, 150.0, 250.0);
    private final Thresholds speed = new Thresholds(Direction.LOWER_IS_WORSE, 50.0, 35.0, 20.0, null);

    @Test
    void levelStartsAtItsThreshold() {
        assertThat(pm25.levelOf(74.9)).isEqualTo(Level.NORMAL);
        assertThat(pm25.levelOf(75)).isEqualTo(Level.BLUE);
        assertThat(pm25.levelOf(149.9)).isEqualTo(Level.YELLOW);
        assertThat(pm25.levelOf(900)).isEqualTo(Level.RED);
    }

    @Test
    void lowerIsWorseMirrorsAndUnusedLevelsAreSkipped() {
        assertThat(speed.levelOf(51)).isEqualTo(Level.NORMAL);
        assertThat(speed.levelOf(35)).isEqualTo(Level.YELLOW);
        assertThat(speed.levelOf(0)).isEqualTo(Level.ORANGE);
        assertThat(speed.levelsInUse()).containsExactly(Level.BLUE, Level.YELLOW, Level.ORANGE);
    }

    @Test
    void risingIsImmediateWhateverTheHysteresis() {
        assertThat(pm25.levelOf(151, Level.NORMAL, 5)).isEqualTo(Level.ORANGE);
    }

    @Test
    void fallingKeepsTheLevelUntilPastThresholdMinusHysteresis() {
        assertThat(pm25.levelOf(111, Level.YELLOW, 5)).isEqualTo(Level.YELLOW);
        assertThat(pm25.levelOf(110, Level.YELLOW, 5)).isEqualTo(Level.YELLOW);
        assertThat(pm25.levelOf(109.9, Level.YELLOW, 5)).isEqualTo(Level.BLUE);
    }

    @Test
    void fallingSeveralLevelsStopsAtTheLevelWhoseBandItIsStillNear() {
        assertThat(pm25.levelOf(113, Level.RED, 5)).isEqualTo(Level.YELLOW);
        assertThat(pm25.levelOf(10, Level.RED, 5)).isEqualTo(Level.NORMAL);
    }

    @Test
    void hysteresisWhenLowerIsWorse() {
        assertThat(speed.levelOf(38, Level.YELLOW, 3)).isEqualTo(Level.YELLOW);
        assertThat(speed.levelOf(38.1, Level.YELLOW, 3)).isEqualTo(Level.BLUE);
    }

    @Test
    void constructorRefusesUnsortedOrEmptyThresholds() {
        assertThatThrownBy(() -> new Thresholds(Direction.HIGHER_IS_WORSE, 10.0, 5.0, null, null))
                .hasMessage("thresholds not sorted: yellow 5 must be above blue 10 when higher_is_worse");
        assertThatThrownBy(() -> new Thresholds(Direction.HIGHER_IS_WORSE, null, null, null, null))
                .hasMessageStartingWith("no threshold set");
    }

    @Test
    void levelsCarryChineseAndEnglishNamesAndOrder() {
        assertThat(Level.ORANGE.zh()).isEqualTo("橙色");
        assertThat(Level.RED.severity()).isEqualTo(4);
        assertThat(Level.YELLOW.atLeast(Level.BLUE)).isTrue();
        assertThat(Level.BLUE.atLeast(Level.YELLOW)).isFalse();
    }
}
