"""Wait for a page to be still before measuring it (axe's colours, computed
styles): finite transitions and animations run to their end first."""

from __future__ import annotations

# Wait until no finite transition or animation has run for three checks
# 100 ms apart (Material starts a hovered tooltip's fade a few frames
# after the hover), so a measurement sees what a person sees once the page
# is still. Infinite animations (none on this site) are not waited for.
SETTLE_ANIMATIONS_JS = """async () => {
    const running = () => document.getAnimations().filter(a => a.playState === 'running'
        && Number.isFinite(a.effect?.getComputedTiming().endTime));
    for (let quiet = 0, rounds = 0; quiet < 3 && rounds < 50; rounds++) {
        const now = running();
        quiet = now.length ? 0 : quiet + 1;
        await Promise.all(now.map(a => a.finished.catch(() => null)));
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}"""


def settle_animations(tab) -> None:
    tab.evaluate(SETTLE_ANIMATIONS_JS)
