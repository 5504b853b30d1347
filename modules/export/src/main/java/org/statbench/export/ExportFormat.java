package org.statbench.export;

/** The ways a table can leave the workstation; every one goes through the {@link ExportGate}. */
public enum ExportFormat {
  /** Long CSV with a status column (DESIGN.md), withheld values empty. */
  CSV,
  /** XLSX workbook with table, cells, disclosure report and definition sheets. */
  XLSX,
  /** A chart image drawn by the GUI from the released table. */
  PNG,
  /** Tab-separated text handed to the GUI for the clipboard. */
  CLIPBOARD,
  /** A saved report: one self-contained HTML file. */
  REPORT
}
