#pragma once

#include <QElapsedTimer>
#include <QEvent>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

QT_BEGIN_NAMESPACE
class QKeyEvent;
class QWidget;
QT_END_NAMESPACE

namespace tambo::patrimonio {

// Tells a USB barcode scanner in keyboard ("wedge") mode from a person typing, by key timing,
// wherever the keyboard focus is. A scanner types the whole code in a burst (a few ms a key)
// and ends it with a suffix (Enter by default); people type 100 ms or more a key.
//
// Installed as an application event filter (key events go to the focus widget, not to the
// window, so a filter on the window alone would never see them); the receiver filter limits it
// to the widgets of one page's window. Printable keys (no Ctrl/Alt/Meta) are held back while
// they may still be a burst:
//  - when the held keys form prefix + at least minLength characters + suffix, every key pressed
//    at most maxGapMs after the one before, the keys are swallowed and scanned(code) is emitted
//    (code = the characters between prefix and suffix);
//  - otherwise they are replayed, in order, to the widget they were meant for: as soon as a gap
//    is too long, a key cannot be part of a burst, the suffix arrives too early, or at the
//    latest maxGapMs + 20 ms after the last key (a person never waits for that).
// Times come from QKeyEvent::timestamp() (the window system's milliseconds), or from a
// monotonic clock for events without one; tests feed QKeyEvents with their own timestamps or
// set a time source.
class ScannerInput : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QString prefix;     // what the scanner sends first; empty = nothing
        QString suffix;     // what it sends last; empty = Enter ("\r"); "\t" = Tab
        int minLength = 8;  // characters between prefix and suffix
        int maxGapMs = 30;  // longest pause between two keys of a burst
        int maxLength = 64; // more held characters than this is no scan
    };

    using ReceiverFilter = std::function<bool(QObject *receiver)>;
    using TimeSource = std::function<quint64(const QKeyEvent &event)>;

    explicit ScannerInput(QObject *parent = nullptr);
    ~ScannerInput() override;

    void setConfig(const Config &config);
    Config config() const { return m_config; }
    // Which receivers the filter acts for (default: every widget).
    void setReceiverFilter(ReceiverFilter filter) { m_receiverFilter = std::move(filter); }
    void setTimeSource(TimeSource source) { m_timeSource = std::move(source); }
    // A receiver filter for the widgets of page's window while page is visible: a page installs
    // the filter when shown and removes it when hidden.
    static ReceiverFilter pageScope(QWidget *page);
    // The configuration from the shell's settings (AppSettings scanner prefix and suffix).
    static Config fromSettings(const QString &prefix, const QString &suffix);

    // Installs / removes the application event filter (uninstall() replays held keys first).
    // The destructor drops held keys and removes the filter.
    void install();
    void uninstall();
    bool isInstalled() const { return m_installed; }

    // Replays the held keys now (also done by the timer).
    void flush();
    // Drops the held keys without replaying them.
    void discard();
    bool isHolding() const { return !m_held.isEmpty(); }

    // A key's characters as the scanner's prefix/suffix are written: Return/Enter → "\r",
    // Tab → "\t", otherwise QKeyEvent::text().
    static QString keyText(const QKeyEvent &event);

signals:
    void scanned(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Held
    {
        QPointer<QObject> receiver;
        QEvent::Type type = QEvent::KeyPress;
        int key = 0;
        Qt::KeyboardModifiers modifiers;
        QString text;
        bool autoRepeat = false;
        quint16 count = 1;
        quint32 nativeScanCode = 0;
        quint32 nativeVirtualKey = 0;
        quint32 nativeModifiers = 0;
        quint64 timestamp = 0;
    };

    bool isCandidate(const QKeyEvent &event) const;
    bool mayStillBeScan() const;
    bool handlePress(QObject *receiver, QKeyEvent *event);
    static Held heldFrom(QObject *receiver, const QKeyEvent &event);
    void emitScan();
    QString suffix() const;

    Config m_config;
    ReceiverFilter m_receiverFilter;
    TimeSource m_timeSource;
    QElapsedTimer m_monotonic;
    QTimer m_flushTimer;
    QList<Held> m_held;
    QString m_heldText; // characters of the held presses
    quint64 m_lastPressTime = 0;
    QHash<int, int> m_swallowReleases; // key → releases still to swallow after a burst
    bool m_replaying = false;
    bool m_installed = false;
};

} // namespace tambo::patrimonio
