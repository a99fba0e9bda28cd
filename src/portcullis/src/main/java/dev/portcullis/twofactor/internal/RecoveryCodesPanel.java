package dev.portcullis.twofactor.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import dev.portcullis.i18n.Messages;

/**
 * Freshly made recovery codes, shown once: a list, a copy button, a download as text, and a box the user ticks to
 * say they have stored them.
 */
public final class RecoveryCodesPanel extends VerticalLayout {

    public final OrderedList list = new OrderedList();
    final Button copy = new Button(Messages.get("twofactor.codes.copy"));
    final Anchor download;
    public final Checkbox stored = new Checkbox(Messages.get("twofactor.codes.stored"));

    RecoveryCodesPanel(String siteName, String username, List<String> codes) {
        setPadding(false);
        addClassName("pc-recovery-codes");
        add(new Paragraph(Messages.get("twofactor.codes.intro")));
        list.setId("recovery-codes");
        codes.forEach(code -> list.add(new ListItem(code)));
        String text = Messages.get("twofactor.codes.file.title", username, siteName) + "\n"
                + Messages.get("twofactor.codes.file.once") + "\n\n" + String.join("\n", codes) + "\n";
        copy.setId("copy-recovery-codes");
        copy.addClickListener(click -> {
            copy.getElement().executeJs("navigator.clipboard.writeText($0)", text);
            copy.setText(Messages.get("twofactor.codes.copied"));
        });
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), "recovery-codes.txt", "text/plain;charset=UTF-8", bytes.length)),
                Messages.get("twofactor.codes.download"));
        download.setId("download-recovery-codes");
        stored.setId("recovery-codes-stored");
        add(list, new HorizontalLayout(copy, download), stored);
    }
}
