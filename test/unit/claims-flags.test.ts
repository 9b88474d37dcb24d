import { describe, expect, it } from 'vitest';
import { findClaims } from '../../lib/nlp/claims/find';
import { claimSignals, type SignalInput } from '../../lib/nlp/claims/signals';

const sig = (text: string, over: Partial<SignalInput> = {}) => claimSignals({ text, kind: 'factual', source: null, sourceNamed: false, cue: null, noSpeaker: false, ...over }).map((s) => s.code);
const claimsOf = (paragraphs: string[]) => findClaims({ paragraphs, mentions: [], actors: [], model: null });

describe('flags that hold', () => {
  it('covers the common forms of unnamed sources', () => {
    expect(sig('Analysts say it will further embolden the settlement movement.')).toEqual(['unnamed-sources']);
    expect(sig('Officials divulged that the plan had been scrapped months ago.')).toEqual(['unnamed-sources']);
    expect(sig('The combination, say economists, marks a journey into uncharted territory.')).toEqual(['unnamed-sources']);
    expect(sig('WeWork is under investigation, according to two people familiar with the matter.')).toEqual(['unnamed-sources']);
    expect(sig('The men were flown out on US helicopters, according to a local police source.')).toEqual(['single-unnamed-source']);
    expect(sig('The deal is close.', { kind: 'reported', source: 'an insurgent source' })).toEqual(['single-unnamed-source']);
    expect(sig('The deal is close.', { kind: 'reported', source: 'One Washington-based trade expert' })).toEqual(['single-unnamed-source']);
    expect(sig('A refugee who asked not to be identified said the camp was running out of food.')).toEqual(['single-unnamed-source']);
    expect(sig('The Attorney General is investigating WeWork, according to two people familiar with the matter.')).toEqual(['unnamed-sources']);
    expect(sig('Beijing wants the tariffs rolled back, people familiar with the talks say.')).toEqual(['unnamed-sources']);
    expect(sig('The hostages were held in Zabul province, an insurgent source told Agence France-Presse.')).toEqual(['single-unnamed-source']);
    expect(sig('A second person briefed on the call said the deal could slip.')).toEqual(['single-unnamed-source']);
    // people online, named by the site they wrote on only
    expect(sig('“If we were any higher, we’d be North Dakota,” one user quipped.', { kind: 'quote', source: 'one user' })).toEqual(['single-unnamed-source']);
    expect(sig('Users said that the update had broken their phones.')).toEqual(['unnamed-sources']);
    const [weibo] = claimsOf(['One user on Weibo posted: “I just want to know how these two came to Beijing. Did they drive themselves?”']);
    expect([weibo?.speaker, weibo?.signals.map((s) => s.code)]).toEqual(['One user on Weibo', ['single-unnamed-source']]);
  });
  it('finds a senior … source in the text as a single unnamed source', () => {
    const [c] = claimsOf(['A senior political source told Reuters that the prime minister would resign within days.']);
    expect(c).toMatchObject({ kind: 'reported', unverified: true });
    expect(c!.signals.map((s) => s.code)).toEqual(['single-unnamed-source']);
  });
  it('what a speaker claims is theirs, like what they say; an allegation stays speculative', () => {
    const c = { kind: 'reported' as const, source: 'Andrew', sourceNamed: true };
    expect(sig('Andrew claims that he felt bound to visit him to end their friendship.', { ...c, cue: 'claims' })).toEqual([]);
    expect(sig('The statement claimed that the two companies had come to terms.', { ...c, source: 'The statement', sourceNamed: false, cue: 'claimed' })).toEqual([]);
    expect(sig('The Democrats are alleging that the call was irregular.', { ...c, source: 'The Democrats', cue: 'are alleging' })).toEqual(['speculative']);
    expect(sig('Critics claimed the vote was rigged.', { ...c, source: 'Critics', sourceNamed: false, cue: 'claimed' })).toEqual(['unnamed-sources']);
  });
  it('vague groups with any verb of saying or thinking, and "others" or "some" as the source', () => {
    expect(sig('Most mainstream economists, however, argue that consumers are the primary victims of tariffs.')).toEqual(['unnamed-sources']);
    expect(sig('Some senators worry that a trial will interfere with their ability to court voters.')).toEqual(['unnamed-sources']);
    expect(sig('Some advertisers claim that you can opt out of the tracking.')).toEqual(['unnamed-sources']);
    expect(sig('Others fear that impeachment could hurt their more vulnerable candidates.')).toEqual(['unnamed-sources']);
    expect(sig('But researchers believe the fees are cutting into their ability to buy homes.')).toEqual(['unnamed-sources']);
  });
  it("a campaign's advisers, strategists and confidants are unnamed sources", () => {
    expect(sig('His advisers believe he can win a series of states later in March.')).toEqual(['unnamed-sources']);
    expect(sig('Some party strategists said none of the attempts will work.')).toEqual(['unnamed-sources']);
    expect(sig('The deal is close.', { kind: 'reported', source: 'White House advisers', cue: 'say' })).toEqual(['unnamed-sources']);
  });
  it('"the researchers" of a study and "the two lawmakers" the article named are not unnamed sources', () => {
    expect(sig('The researchers think the source of this water is a plume.')).toEqual([]);
    expect(sig('The findings bring us closer to an answer, say the researchers.', { kind: 'reported', source: 'the researchers', cue: 'say' })).toEqual([]);
    expect(sig('The two lawmakers, however, argue that there is precedent for prosecution.')).toEqual([]);
    expect(sig('The unions said more than 15,000 people registered for the rally.')).toEqual(['unnamed-sources']);
  });
  it('"may have" about the past is a hedge; a counterfactual "might have", an "if" and "what may have been" are not', () => {
    expect(sig('More than 100 million people may have perished in the pandemic.')).toEqual(['hedge']);
    expect(sig('Some of the production lines may have since been idled or closed altogether.')).toEqual(['hedge']);
    expect(sig('The vaccine might have protected her from it, had it been available.')).toEqual([]);
    expect(sig('If the polls were early, they may have missed the late swing.')).toEqual([]);
    expect(sig('He faced what may have been the hardest moment of his campaign.')).toEqual([]);
    expect(sig('The storm may bring more rain next week.')).toEqual([]);
  });
  it('vague groups that are of a view, remain skeptical, cite; reports and theories suggesting; "by most accounts"', () => {
    expect(sig('Experts and brokerages are of the view that the market is factoring in a recovery.')).toEqual(['unnamed-sources']);
    expect(sig('But many donors and elected officials remain skeptical of his chances.')).toEqual(['unnamed-sources']);
    expect(sig('Politicians are worried that pressuring farmers could reopen the protests.')).toEqual(['unnamed-sources']);
    expect(sig('Traders cited the lingering uncertainty over the talks as a reason.')).toEqual(['unnamed-sources']);
    expect(sig('Backers of tariffs say that they help American companies compete.')).toEqual(['unnamed-sources']);
    expect(sig('The toll may be higher, with some reports suggesting as many as 200 have been killed.')).toEqual(['unnamed-sources']);
    expect(sig('By most accounts, the law worked.')).toEqual(['hedge']);
    expect(sig('As those companies prosper, the thinking goes, they can hire more workers.')).toEqual(['hedge']);
  });
  it('not the addressees of a message, nor a group in an "of" phrase before a verb of thinking', () => {
    expect(sig('The senator emailed supporters saying the struggle continues.')).toEqual([]);
    expect(sig('Such movements have never been good for allies of free thought and the free market.')).toEqual([]);
  });
  it('officials of a body taken up by its common noun are not unnamed ("agency officials said"); administration officials are', () => {
    expect(sig('NASA will spend $2.6 billion on the contracts, agency officials said.', { kind: 'reported', source: 'agency officials', cue: 'said' })).toEqual([]);
    expect(sig('Police officials said a second device was found in Chelsea.')).toEqual([]);
    expect(sig('The talks will resume, administration officials said.', { kind: 'reported', source: 'administration officials', cue: 'said' })).toEqual(['unnamed-sources']);
  });
  it('does not take the officials of a named body for unnamed sources', () => {
    expect(sig('Berrien County Health Department officials said Monday the victim had died.')).toEqual([]);
    expect(sig('Officials said Monday the victim had died.')).toEqual(['unnamed-sources']);
  });
  it('covers hedges with a word between the verb and its preposition, and readings ascribed to no one', () => {
    expect(sig('The party was accused Wednesday of trying to deceive voters.')).toEqual(['hedge']);
    expect(sig('Corbyn is accused by critics of promoting high-tax policies.')).toEqual(['hedge']);
    expect(sig('Using weed occasionally is not thought to cause substantial problems.')).toEqual(['hedge']);
    expect(sig('The policy shift was widely seen as an attempt to change the legal context.')).toEqual(['hedge']);
    expect(sig('The population of the camp currently is estimated at around 40,000.')).toEqual(['hedge']);
    expect(sig('He faces an arrest warrant for alleged war crimes in Ukraine.')).toEqual(['hedge']);
    expect(sig('Prosecutors alleged that the guards slept.')).toEqual([]);
  });
  it('flags the hedge of a reduced clause (", thought to …"), not a plain "to" after a comma', () => {
    expect(sig('Hilly areas, thought to represent exposed portions of the crust, cover the north.')).toEqual(['hedge']);
    expect(sig('A man, believed to be in his 40s, was taken to hospital on Monday.')).toEqual(['hedge']);
    expect(sig('The council, keen to avoid delays, approved the plan on Monday.')).toEqual([]);
  });
  it('flags "is reported to have", not something reported to someone ("is reported to the society", "was reported to police")', () => {
    expect(sig('The minister is reported to have resigned on Monday over the tender.')).toEqual(['hedge']);
    expect(sig('Abuse in the congregation is reported to the Watch Tower Society, which directs its doctrine.')).toEqual([]);
    expect(sig('The theft was reported to police on Tuesday morning by the owner.')).toEqual([]);
    // "of" goes with suspicion and accusation, "at" with an estimate.
    expect(sig('By March 16, 167,515 cases were reported of the disease, the WHO said.')).toEqual([]);
    expect(sig('He is widely suspected of asking for the delay to stop the bill.')).toEqual(['hedge']);
    expect(sig('The damage was estimated at $2 billion across the region.')).toEqual(['hedge']);
  });
  it('does not call someone named and their own people unnamed sources, but still officials and theirs', () => {
    expect(sig('Trump and his supporters claimed the count was rigged.', { kind: 'reported', source: 'Trump and his supporters', cue: 'claimed' })).toEqual([]);
    expect(sig('Officials and their advisers said the plan would fail.', { kind: 'reported', source: 'Officials and their advisers', cue: 'said' })).toEqual(['unnamed-sources']);
  });
  it('flags the reading of a particular act, not a standing view reported in the plain present', () => {
    expect(sig('The ruling has been seen as weakening the power of the regional council.')).toEqual(['hedge']);
    expect(sig('The merger was viewed as an attempt to shut rivals out of the market.')).toEqual(['hedge']);
    // Background the article stands behind: the view is held, and the article says so.
    expect(sig('Water rights are seen as one of the hardest questions in the long dispute over the valley.')).toEqual([]);
    expect(sig('The port is widely regarded as the busiest in the region.')).toEqual([]);
  });
  it('does not flag words that are negated or used in another sense', () => {
    const claims = claimsOf(['A bomb killed six people in the market on Sunday, and no group claimed responsibility for the attack.', 'Nobody claimed that the vote had been rigged in any way.']);
    for (const c of claims) expect(c.signals).toEqual([]);
  });
  it('takes advice and readings for what they are: a suggestion is speculative only when put as a possibility', () => {
    expect(sig('Dr. Jackson suggested that the President change his diet.', { kind: 'reported', source: 'Dr. Jackson', sourceNamed: true, cue: 'suggested' })).toEqual([]);
    expect(sig('Measures like article five could be offered by the US.', { kind: 'reported', source: 'Witkoff', sourceNamed: true, cue: 'suggested' })).toEqual(['speculative', 'possibility']);
    expect(sig('The protests were sparked by legislation that would have meant suspects could be extradited.')).toEqual([]);
  });
  it('never flags a quoted heading, caption or pull quote, nor a quote that fills its paragraph', () => {
    const claims = claimsOf([
      '‘GET WITH THE PROGRAM’',
      '‘Excessive force and police brutality have accelerated and magnified these protests.’ Photograph: AFP via Getty',
      'The city council met on Tuesday to discuss the budget for next year.',
      '“If the situation becomes uncontrollable, the government would not sit on its hands and watch.”',
    ]);
    expect(claims.some((c) => c.text.includes('GET WITH'))).toBe(false);
    expect(claims.some((c) => c.text.includes('Excessive force'))).toBe(false);
    const captions = claimsOf(['China has warned that it will take control of the city (Image: GETTY )', 'Officials said the talks would resume next week in the capital.']);
    expect(captions.some((c) => c.text.includes('China has warned'))).toBe(false);
    expect(captions.some((c) => c.text.includes('talks would resume'))).toBe(true);
    expect(claims.find((c) => c.text.includes('situation becomes uncontrollable'))).toMatchObject({ kind: 'quote', unverified: false });
  });
  it('gives a quote with no cue to the person the paragraph is about', () => {
    const claims = findClaims({
      paragraphs: ['Charles Schultze, a former adviser, once summed up the danger of deficits with a metaphor. “It is not the wolf at the door, but termites in the woodwork.”'],
      mentions: [{ paragraph: 0, start: 0, end: 16, text: 'Charles Schultze', type: 'PER', actorKey: 'PER:charles schultze' }],
      actors: [{ key: 'PER:charles schultze', name: 'Charles Schultze', type: 'PER', aliases: ['Charles Schultze'], mentions: 1, role: null }],
      model: null,
    });
    expect(claims.find((c) => c.text.includes('termites'))).toMatchObject({ kind: 'quote', speaker: 'Charles Schultze', unverified: false });
  });
});

describe('vague group sources (issue 18)', () => {
  it('counts a group with no name or body as unnamed sources', () => {
    expect(sig('Nearly 300 school districts closed, according to teachers unions.', { kind: 'reported', source: 'teachers unions', cue: 'according to' })).toEqual(['unnamed-sources']);
    const [c] = claimsOf(['Health bosses said that 28 people in close contact with the hunter were quarantined.']);
    expect(c).toMatchObject({ kind: 'reported', unverified: true });
    const [d] = claimsOf(['Deficit hawks have warned for years that a day of reckoning is coming for the federal budget.']);
    expect(d!.signals.map((s) => s.code)).toEqual(['unnamed-sources']);
    const [e] = claimsOf(['Prison union representatives have long warned that staff shortages forced guards to work double shifts.']);
    expect(e).toMatchObject({ kind: 'reported', unverified: true });
  });
  it('finds a vague group in narration whatever its verb, and keeps the named body out', () => {
    expect(sig('Education advocacy groups estimated this year that a 9% funding increase was needed.')).toEqual(['unnamed-sources']);
    expect(sig('Prison union representatives have long warned that staff shortages forced guards to work double shifts.')).toEqual(['unnamed-sources']);
    expect(sig('Abortion rights advocates said the ruling made it more critical to fight the laws locally.')).toEqual(['unnamed-sources']);
    expect(sig('The Indiana State Teachers Association representatives said the cut was approved.')).toEqual([]);
    expect(sig("We're told there is security footage that could catch the culprit in the act.")).toEqual(['unnamed-sources']);
    expect(sig('We are told by the company that the product is safe.')).toEqual([]);
  });
  it('flags a suspicion or a guess as a hedge', () => {
    expect(sig("For decades, scientists have suspected that there's water on Europa's surface.")).toEqual(['hedge']);
    expect(sig('Chinese authorities have speculated the virus was transferred to humans from animals.')).toEqual(['hedge']);
    expect(sig('The suspect was arrested on Tuesday.')).toEqual([]);
  });
  it("reads two straight single quotes as quote marks: the speaker's words are not the article's", () => {
    expect(sig("''This reinforces what his supporters believe to be his strength,'' said Kevin Madden.", { kind: 'quote', source: 'Kevin Madden', sourceNamed: true, cue: 'said' })).toEqual([]);
    expect(sig("His supporters believe it is his strength, ''he said.''")).toEqual(['unnamed-sources']);
  });
  it('does not flag a group whose body is named', () => {
    expect(sig('The cut was approved.', { kind: 'reported', source: 'the Indiana State Teachers Association', sourceNamed: true, cue: 'said' })).toEqual([]);
  });
});
