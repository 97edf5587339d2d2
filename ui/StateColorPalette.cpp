#include "StateColorPalette.h"

#include <cmath>

namespace {

struct StateColors
{
    const char *light; // on light windows: dark enough to stand out
    const char *dark; // on dark windows: light enough to stand out
};

StateColors colorsFor(DisplayState state)
{
    switch (state) {
    case DisplayState::Queued:
        return {"#4b5563", "#a1a1aa"};
    case DisplayState::Running:
        return {"#1d6fd1", "#60a5fa"};
    case DisplayState::Success:
        return {"#1e7f34", "#4ade80"};
    case DisplayState::Warning:
        return {"#9a6700", "#facc15"};
    case DisplayState::Error:
        return {"#c62828", "#f87171"};
    case DisplayState::Terminated:
        return {"#7b4fa0", "#c4b5fd"};
    case DisplayState::TempError:
        return {"#c2410c", "#fb923c"};
    case DisplayState::FetchError:
        return {"#b45309", "#fbbf24"};
    case DisplayState::AuthError:
        return {"#a21caf", "#f0abfc"};
    case DisplayState::Unknown:
    case DisplayState::NotFound:
    case DisplayState::Pending:
        break;
    }
    return {"#6b7280", "#9ca3af"};
}

double linearChannel(double channel)
{
    return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double relativeLuminance(const QColor &color)
{
    return 0.2126 * linearChannel(color.redF()) + 0.7152 * linearChannel(color.greenF())
            + 0.0722 * linearChannel(color.blueF());
}

} // namespace

StateColorPalette::StateColorPalette(const QPalette &palette)
    : m_dark(isDarkPalette(palette))
{ }

QColor StateColorPalette::color(DisplayState state) const
{
    const StateColors colors = colorsFor(state);
    return QColor(QLatin1String(m_dark ? colors.dark : colors.light));
}

QColor StateColorPalette::lightColor(DisplayState state)
{
    return QColor(QLatin1String(colorsFor(state).light));
}

bool StateColorPalette::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
