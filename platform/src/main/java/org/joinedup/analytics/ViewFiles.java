package org.joinedup.analytics;

import org.joinedup.analytics.internal.tables.ViewFilesCommand;

/**
 * The command line of the views over files: {@code java -jar joinedup.jar view-files --in=region --out=parquet} runs
 * every shipped view over the NDJSON files in a folder (one per resource type, as {@code generate-region} or a bulk
 * export writes them) and writes each view's Parquet file, without starting the platform.
 */
public final class ViewFiles {

    private ViewFiles() {
    }

    public static void main(String[] args) throws Exception {
        ViewFilesCommand.main(args);
    }
}
