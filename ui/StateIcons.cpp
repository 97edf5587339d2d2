#include "StateIcons.h"

#include "StateColorPalette.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace StateIcons {

namespace {

class DotIconEngine : public QIconEngine
{
public:
    DotIconEngine(const QColor &fill, Glyph glyph)
        : m_fill(fill)
        , m_glyph(glyph)
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        paintDot(painter, QRectF(rect), mode);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override { return render(size, 1.0, mode); }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
        const QSize deviceSize = size * scale; // since Qt 6.8 QIcon passes the device-independent size
#else
        const QSize deviceSize = size; // before, it passes the size already multiplied by the scale
#endif
        return render(deviceSize, scale, mode);
    }

    QIconEngine *clone() const override
    {
        return new DotIconEngine(m_fill, m_glyph);
    }
    QString key() const override
    {
        return QStringLiteral("TaskwatchDotIconEngine");
    }

private:
    QPixmap render(const QSize &deviceSize, qreal scale, QIcon::Mode mode) const
    {
        QPixmap pixmap(deviceSize);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paintDot(&painter, QRectF(QPointF(0, 0), QSizeF(deviceSize) / scale), mode);
        return pixmap;
    }

    void paintDot(QPainter *painter, const QRectF &rect, QIcon::Mode mode) const
    {
        const QColor fill = mode == QIcon::Disabled ? QColor::fromHsvF(0, 0, m_fill.valueF() * 0.8, 0.6) : m_fill;
        const qreal side = std::min(rect.width(), rect.height());
        const QRectF box(rect.center() - QPointF(side / 2, side / 2), QSizeF(side, side));
        const qreal margin = side * 0.06;
        const QRectF dot = box.adjusted(margin, margin, -margin, -margin);

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        if (m_glyph == Glyph::Ring) {
            // A hollow ring: "nothing known yet".
            const qreal width = side * 0.16;
            painter->setPen(QPen(fill, width));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(dot.adjusted(width / 2, width / 2, -width / 2, -width / 2));
            painter->restore();
            return;
        }
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawEllipse(dot);

        // White on dark fills, near-black on light ones.
        const QColor ink = fill.lightnessF() > 0.6 ? QColor(0x1f, 0x1f, 0x1f) : QColor(Qt::white);
        painter->translate(dot.topLeft());
        painter->scale(dot.width(), dot.height());
        paintGlyph(painter, ink);
        painter->restore();
    }

    // Draws in a unit square.
    void paintGlyph(QPainter *painter, const QColor &ink) const
    {
        QPen pen(ink, 0.14, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        switch (m_glyph) {
        case Glyph::None:
        case Glyph::Ring:
            break;
        case Glyph::Dash:
            painter->drawLine(QPointF(0.3, 0.5), QPointF(0.7, 0.5));
            break;
        case Glyph::Plus:
            painter->drawLine(QPointF(0.3, 0.5), QPointF(0.7, 0.5));
            painter->drawLine(QPointF(0.5, 0.3), QPointF(0.5, 0.7));
            break;
        case Glyph::Play: {
            QPainterPath triangle;
            triangle.moveTo(0.38, 0.28);
            triangle.lineTo(0.74, 0.5);
            triangle.lineTo(0.38, 0.72);
            triangle.closeSubpath();
            painter->setPen(Qt::NoPen);
            painter->setBrush(ink);
            painter->drawPath(triangle);
            break;
        }
        case Glyph::Check: {
            QPainterPath check;
            check.moveTo(0.28, 0.52);
            check.lineTo(0.44, 0.68);
            check.lineTo(0.73, 0.34);
            painter->drawPath(check);
            break;
        }
        case Glyph::Cross:
            painter->drawLine(QPointF(0.33, 0.33), QPointF(0.67, 0.67));
            painter->drawLine(QPointF(0.67, 0.33), QPointF(0.33, 0.67));
            break;
        case Glyph::Bang:
            painter->drawLine(QPointF(0.5, 0.24), QPointF(0.5, 0.56));
            painter->drawPoint(QPointF(0.5, 0.76));
            break;
        case Glyph::Stop:
            painter->setPen(Qt::NoPen);
            painter->setBrush(ink);
            painter->drawRect(QRectF(0.33, 0.33, 0.34, 0.34));
            break;
        case Glyph::Question: {
            QPainterPath hook;
            hook.moveTo(0.37, 0.38);
            hook.cubicTo(0.37, 0.2, 0.65, 0.2, 0.65, 0.38);
            hook.cubicTo(0.65, 0.5, 0.5, 0.5, 0.5, 0.6);
            painter->drawPath(hook);
            painter->drawPoint(QPointF(0.5, 0.78));
            break;
        }
        }
    }

    QColor m_fill;
    Glyph m_glyph;
};

// The task state whose colour and glyph stand for an overall state, so the tray speaks the table's language.
DisplayState overallRepresentative(OverallState state)
{
    switch (state) {
    case OverallState::Idle:
        return DisplayState::Success;
    case OverallState::Running:
        return DisplayState::Running;
    case OverallState::Failed:
        break;
    }
    return DisplayState::Error;
}

} // namespace

Glyph glyphFor(DisplayState state)
{
    switch (state) {
    case DisplayState::Queued:
        return Glyph::Dash;
    case DisplayState::Running:
        return Glyph::Play;
    case DisplayState::Success:
        return Glyph::Check;
    case DisplayState::Warning:
    case DisplayState::FetchError:
    case DisplayState::AuthError:
        return Glyph::Bang;
    case DisplayState::Error:
    case DisplayState::TempError:
        return Glyph::Cross;
    case DisplayState::Terminated:
        return Glyph::Stop;
    case DisplayState::Unknown:
    case DisplayState::NotFound:
        return Glyph::Question;
    case DisplayState::Pending:
        break;
    }
    return Glyph::Ring;
}

QIcon dotIcon(const QColor &fill, Glyph glyph)
{
    return QIcon(new DotIconEngine(fill, glyph));
}

QIcon stateIcon(DisplayState state, const QPalette &palette)
{
    return dotIcon(StateColorPalette(palette).color(state), glyphFor(state));
}

QColor overallColor(OverallState state)
{
    return StateColorPalette::lightColor(overallRepresentative(state));
}

QIcon overallIcon(OverallState state)
{
    return dotIcon(overallColor(state), glyphFor(overallRepresentative(state)));
}

} // namespace StateIcons
