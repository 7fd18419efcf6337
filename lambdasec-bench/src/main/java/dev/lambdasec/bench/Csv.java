package dev.lambdasec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a CSV file with a header row into maps from column name to value. */
final class Csv {

  private Csv() {}

  static List<Map<String, String>> read(Path file) throws IOException {
    List<List<String>> rows = dev.lambdasec.iam.data.Csv.parse(Files.readString(file));
    List<Map<String, String>> out = new ArrayList<>();
    if (rows.isEmpty()) {
      return out;
    }
    List<String> header = rows.get(0);
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), i < row.size() ? row.get(i) : "");
      }
      out.add(m);
    }
    return out;
  }
}
