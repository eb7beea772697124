package org.gridwork.datagen;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** A later step of the generator (residents, visits, issues, tasks), run in order after territory and people. */
interface ResidentDataGenerator {

    void generate(Preset preset, Random random, List<TerritoryGenerator.GeneratedGrid> grids, Map<Long, Long> staffOfGrid);
}
