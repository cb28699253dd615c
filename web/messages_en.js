// English message catalog. Keys come from the core's view models; {name:type}
// placeholders are filled by format_message.js with Intl formatting.

export default {
  'widget.title': 'Your rewards',
  'widget.loading': 'Loading your rewards…',
  'widget.retry': 'Try again',
  'widget.stale': "We couldn't refresh everything just now, so you're seeing your last saved details.",
  'widget.signedOut': 'Sign in to see your points and rewards.',
  'widget.failed': "We couldn't load your rewards.",

  'progress.balanceLabel': 'Available',
  'progress.balanceValue': '{points:number}',
  'progress.balanceUnit': '{points:pointsWord}',
  'progress.pending': '+{points:points} pending',
  'progress.tierLabel': 'Tier',
  'progress.barToNext': 'Progress to {tier}',
  'progress.barTop': '{tier}: top tier',
  'progress.barCount': '{value:number} / {max:number}',
  'progress.barValue': '{value:number} of {max:number} qualifying {unit}',
  'progress.expiring': '{points:points} expire {daysLeft:relativeDays} ({date:date}).',

  'nudge.points_to_tier_perk': '{points:points} to {tier}: spend {spend:money} more to unlock {perk}.',
  'nudge.points_to_tier': '{points:points} to {tier}: about {spend:money} more in orders.',
  'nudge.next_tier_earned': "You've earned {tier}! It will appear on your account shortly.",
  'nudge.top_tier': "You're a {tier} member, our top tier. Thank you for being with us.",
  'nudge.no_tiers': 'You have {points:points} to spend.',
};
