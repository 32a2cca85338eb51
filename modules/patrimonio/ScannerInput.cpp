#include "ScannerInput.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QWidget>

#include <algorithm>
#include <utility>

namespace tambo::patrimonio {

namespace {

// Sets a flag for the life of the object (replayed events must pass the filter).
class FlagGuard
{
public:
    explicit FlagGuard(bool &flag)
        : m_flag(flag)
        , m_old(flag)
    {
        m_flag = true;
    }
    ~FlagGuard() { m_flag = m_old; }
    FlagGuard(const FlagGuard &) = delete;
    FlagGuard &operator=(const FlagGuard &) = delete;

private:
    bool &m_flag;
    bool m_old;
};

} // namespace

ScannerInput::ScannerInput(QObject *parent)
    : QObject(parent)
{
    m_monotonic.start();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(m_config.maxGapMs + 20);
    connect(&m_flushTimer, &QTimer::timeout, this, &ScannerInput::flush);
}

ScannerInput::~ScannerInput()
{
    // Held keys are dropped, not replayed: their receiver may be half destroyed (a page's
    // children go before the page's connections do).
    discard();
    uninstall();
}

void ScannerInput::discard()
{
    m_flushTimer.stop();
    m_held.clear();
    m_heldText.clear();
}

void ScannerInput::setConfig(const Config &config)
{
    flush();
    m_config = config;
    m_config.minLength = std::max(1, m_config.minLength);
    m_config.maxGapMs = std::clamp(m_config.maxGapMs, 1, 1000);
    m_config.maxLength = std::max(m_config.minLength, m_config.maxLength);
    m_flushTimer.setInterval(m_config.maxGapMs + 20);
}

ScannerInput::ReceiverFilter ScannerInput::pageScope(QWidget *page)
{
    return [guard = QPointer<QWidget>(page)](QObject *receiver) {
        if (!guard || !guard->isVisible() || !receiver->isWidgetType())
            return false;
        return static_cast<QWidget *>(receiver)->window() == guard->window();
    };
}

ScannerInput::Config ScannerInput::fromSettings(const QString &prefix, const QString &suffix)
{
    Config config;
    config.prefix = prefix;
    config.suffix = suffix;
    return config;
}

QString ScannerInput::suffix() const
{
    return m_config.suffix.isEmpty() ? QStringLiteral("\r") : m_config.suffix;
}

void ScannerInput::install()
{
    if (m_installed || !QCoreApplication::instance())
        return;
    QCoreApplication::instance()->installEventFilter(this);
    m_installed = true;
}

void ScannerInput::uninstall()
{
    if (!m_installed)
        return;
    flush();
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_installed = false;
}

QString ScannerInput::keyText(const QKeyEvent &event)
{
    switch (event.key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return QStringLiteral("\r");
    case Qt::Key_Tab:
        return QStringLiteral("\t");
    default:
        return event.text();
    }
}

bool ScannerInput::isCandidate(const QKeyEvent &event) const
{
    if (event.isAutoRepeat())
        return false;
    if (event.modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const QString text = keyText(event);
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (!c.isPrint() && !suffix().contains(c) && !m_config.prefix.contains(c))
            return false;
    }
    return true;
}

bool ScannerInput::mayStillBeScan() const
{
    const QString &prefix = m_config.prefix;
    if (m_heldText.size() > prefix.size() + m_config.maxLength + suffix().size())
        return false;
    if (prefix.isEmpty())
        return true;
    if (m_heldText.size() <= prefix.size())
        return prefix.startsWith(m_heldText);
    return m_heldText.startsWith(prefix);
}

ScannerInput::Held ScannerInput::heldFrom(QObject *receiver, const QKeyEvent &event)
{
    Held h;
    h.receiver = receiver;
    h.type = event.type();
    h.key = event.key();
    h.modifiers = event.modifiers();
    h.text = event.text();
    h.autoRepeat = event.isAutoRepeat();
    h.count = event.count();
    h.nativeScanCode = event.nativeScanCode();
    h.nativeVirtualKey = event.nativeVirtualKey();
    h.nativeModifiers = event.nativeModifiers();
    h.timestamp = event.timestamp();
    return h;
}

void ScannerInput::flush()
{
    m_flushTimer.stop();
    if (m_held.isEmpty())
        return;
    const QList<Held> held = std::exchange(m_held, {});
    m_heldText.clear();
    FlagGuard replaying(m_replaying);
    for (const Held &h : held) {
        if (!h.receiver)
            continue;
        QKeyEvent copy(h.type,
                       h.key,
                       h.modifiers,
                       h.nativeScanCode,
                       h.nativeVirtualKey,
                       h.nativeModifiers,
                       h.text,
                       h.autoRepeat,
                       h.count);
        copy.setTimestamp(h.timestamp);
        QCoreApplication::sendEvent(h.receiver, &copy);
    }
}

void ScannerInput::emitScan()
{
    m_flushTimer.stop();
    const QString &prefix = m_config.prefix;
    const QString code = m_heldText.mid(prefix.size(),
                                        m_heldText.size() - prefix.size() - suffix().size());
    // The releases of the swallowed presses are still to come: swallow them too.
    QHash<int, int> open;
    for (const Held &h : std::as_const(m_held))
        open[h.key] += h.type == QEvent::KeyPress ? 1 : -1;
    for (auto it = open.cbegin(); it != open.cend(); ++it) {
        if (it.value() > 0)
            m_swallowReleases[it.key()] += it.value();
    }
    m_held.clear();
    m_heldText.clear();
    emit scanned(code.trimmed());
}

bool ScannerInput::handlePress(QObject *receiver, QKeyEvent *event)
{
    const quint64 now = m_timeSource ? m_timeSource(*event)
                                     : (event->timestamp() ? event->timestamp()
                                                           : quint64(m_monotonic.elapsed()));
    if (!m_held.isEmpty()
        && (now < m_lastPressTime || now - m_lastPressTime > quint64(m_config.maxGapMs))) {
        flush();
    }
    if (m_held.isEmpty())
        m_swallowReleases.clear();
    m_held.append(heldFrom(receiver, *event));
    m_heldText += keyText(*event);
    m_lastPressTime = now;

    const QString end = suffix();
    if (m_heldText.endsWith(end)) {
        const qsizetype body = m_heldText.size() - m_config.prefix.size() - end.size();
        if (m_heldText.startsWith(m_config.prefix) && body >= m_config.minLength)
            emitScan();
        else
            flush(); // the suffix came too early: people pressing Enter
        return true;
    }
    if (!mayStillBeScan()) {
        flush();
        return true;
    }
    m_flushTimer.start();
    return true;
}

bool ScannerInput::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::KeyRelease)
        return false;
    // Key events reach the QWindow first and then the focus widget: act on widgets only, so
    // each key is seen once (a key a widget ignores goes on to its parent: seen again, passed).
    if (m_replaying || !watched->isWidgetType())
        return false;
    if (m_receiverFilter && !m_receiverFilter(watched)) {
        flush();
        return false;
    }
    auto *key = static_cast<QKeyEvent *>(event);
    if (type == QEvent::KeyRelease) {
        if (!m_held.isEmpty()) {
            m_held.append(heldFrom(watched, *key));
            return true;
        }
        if (int &pending = m_swallowReleases[key->key()]; pending > 0) {
            --pending;
            return true;
        }
        return false;
    }
    if (!isCandidate(*key)) {
        flush();
        return false;
    }
    return handlePress(watched, key);
}

} // namespace tambo::patrimonio
