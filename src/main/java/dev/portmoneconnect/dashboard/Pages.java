package dev.portmoneconnect.dashboard;

import dev.portmoneconnect.dashboard.Views.ConnectionCard;
import dev.portmoneconnect.dashboard.Views.FailedRecord;
import dev.portmoneconnect.dashboard.Views.Forms;
import dev.portmoneconnect.dashboard.Views.Page;
import dev.portmoneconnect.dashboard.Views.PreviewPage;
import dev.portmoneconnect.dashboard.Views.RecordOutcome;
import dev.portmoneconnect.dashboard.Views.RunRow;
import dev.portmoneconnect.dashboard.Views.UnpaidInvoice;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/** The dashboard's pages: {@code src/main/resources/templates/Pages/*.html}, checked when the app is built. */
@CheckedTemplate(basePath = "Pages")
final class Pages {

    private Pages() {
    }

    /** @param attention records of all connections that need an operator */
    static native TemplateInstance overview(Page page, List<ConnectionCard> connections, int attention);

    static native TemplateInstance connection(Page page, ConnectionCard connection, List<RunRow> runs,
                                              List<FailedRecord> failed, Forms forms, List<UnpaidInvoice> unpaid);

    static native TemplateInstance run(Page page, RunRow run, List<RecordOutcome> records, boolean anyReplayable);

    static native TemplateInstance preview(Page page, ConnectionCard connection, PreviewPage preview, Forms forms);

    static native TemplateInstance problem(Page page, String back);
}
