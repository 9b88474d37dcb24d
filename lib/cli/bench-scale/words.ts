/**
 * Word lists for the scale benchmark's article generator (generate.ts). Written for this bench,
 * not taken from any corpus: common news nouns, verbs and adjectives, names, countries, and per
 * topic the words, roles, organisations and sentence shapes that make articles of one kind of
 * story look alike (so that "related" matches exist) while events differ in their actors, places,
 * dates and key terms (so that "same event" matches are real).
 *
 * Template slots (filled by generate.ts):
 *   {P} a person of the event (full name at first mention, surname after), {P1} the main person,
 *   {R} a recurring figure of the event's country, {O} an organisation of the event,
 *   {C} the event's city, {X} its country, {T} a topic word, {K} an event key term,
 *   {N} a noun drawn from the Zipf vocabulary, {A} adjective, {V} past-tense verb, {B} base verb,
 *   {Q} a number, {M} the event's own figure (magnitude, toll, share…), {D} a date phrase,
 *   {E} the event's own date ("on Tuesday", "on 3 March"),
 *   {G} a match score.
 */

/** The most frequent content words of news text, most frequent first: ranks 0.. of the Zipf vocabulary. */
export const COMMON_NOUNS = (
  'government police people minister council court company country city officials plan budget health school ' +
  'water power market price workers service hospital security law party vote military force army region area ' +
  'community family children women men group support evidence investigation agreement deal talks policy economy ' +
  'growth inflation rate bank money funding cost tax energy oil gas climate weather rain road bridge airport port ' +
  'train border migrants refugees aid food fuel housing homes building damage data system network programme ' +
  'project research study university students teachers doctors patients vaccine virus disease cases deaths ' +
  'victims survivors rescue emergency fire flood storm crisis conflict war peace attack ceasefire troops weapons ' +
  'sanctions trade exports imports industry factory jobs wages union strike protest crowd rally campaign candidate ' +
  'leader opposition parliament senate committee inquiry judge jury trial verdict prison charges lawyer ' +
  'prosecutors witness statement interview spokesman spokeswoman agency office department ministry board chief ' +
  'director executive chairman president mayor governor residents neighbours villages district province capital ' +
  'coast island river mountain valley forest land farmers crops harvest drought heat temperature league club team ' +
  'players coach match goal fans stadium tournament title record million billion percent figures results profit ' +
  'shares investors stock contract proposal bill reform rules regulation standards safety risk warning concerns ' +
  'questions decision ruling appeal response measures steps efforts pressure demand supply shortage access ' +
  'services transport traffic flights passengers vehicles cars drivers soldiers officers staff volunteers experts ' +
  'scientists analysts critics supporters voters citizens members leaders authorities sources documents footage ' +
  'images video website platform technology software internet phone users accounts satellite mission station crew ' +
  'history future share level costs debt loan interest lenders borrowers property rent tenants landlords schools ' +
  'hospitals nurses ambulance clinic treatment drugs medicine insurance pension benefits welfare poverty income ' +
  'households consumers retailers shops sales brand product products customers online delivery warehouse ' +
  'shipping cargo vessel ship boat coastguard navy aircraft pilot airline runway engine fleet railway station ' +
  'tunnel highway motorway accident crash collision injuries injured dead toll count damage repairs construction ' +
  'site plant mine miners coal steel copper gold metal chemicals waste pollution emissions carbon targets ' +
  'renewables wind solar nuclear reactor grid blackout outage electricity bills heating winter summer spring ' +
  'autumn morning evening night weekend hours minutes distance kilometres miles metres tonnes litres'
).split(' ');

export const ADJECTIVES = (
  'new major local national regional federal public private former senior junior key main early late final ' +
  'initial official independent international foreign domestic economic political military financial social ' +
  'legal medical environmental significant serious severe heavy strong weak large small wide limited full ' +
  'partial temporary permanent urgent immediate recent previous current future annual monthly daily rural urban ' +
  'northern southern eastern western central coastal remote critical growing rising falling sharp modest ' +
  'unexpected controversial disputed contested broader deeper further fresh separate'
).split(' ');

export const PAST_VERBS = (
  'announced confirmed rejected approved delayed criticised defended expanded suspended launched reviewed blocked ' +
  'cut raised questioned welcomed ordered promised disputed supported opposed postponed restored halted resumed ' +
  'extended reduced increased doubled cancelled signed drafted proposed unveiled revealed denied acknowledged ' +
  'investigated examined challenged reversed backed funded closed reopened evacuated cleared inspected'
).split(' ');

export const BASE_VERBS = (
  'review support restore investigate protect rebuild challenge reduce extend examine secure deliver fund replace ' +
  'expand defend question oppose approve delay suspend monitor assess address resolve prevent limit increase'
).split(' ');

export const FIRST_NAMES = (
  'Anna Maria Elena Sofia Laura Julia Clara Emma Olivia Amelia Grace Chloe Hannah Sarah Rachel Leah Nadia Amira ' +
  'Fatima Leila Yasmin Aisha Mei Ling Yuki Hana Priya Anjali Kavya Ananya Zara Ines Lucia Paula Carmen Rosa Ana ' +
  'Ingrid Astrid Freya Greta Maja Ewa Katarzyna Olga Irina Natalia Daria Zeynep Elif Ayse Thandiwe Amara Chiamaka ' +
  'John David Michael James Robert Thomas Daniel Peter Paul Mark Andrew Simon Martin Stefan Lukas Jonas Felix ' +
  'Mateo Diego Carlos Javier Luis Pedro Marco Luca Matteo Pierre Louis Hugo Jan Piotr Tomasz Marek Ivan Dmitri ' +
  'Sergei Ahmed Omar Yusuf Karim Hassan Ali Mehmet Emre Kenji Hiroshi Takeshi Wei Jun Hao Raj Arjun Vikram ' +
  'Rahul Kwame Kofi Tunde Chinedu Samuel Joseph Benjamin Oscar Henrik Nils Erik Lars Mikael Aleksander Viktor'
).split(' ');

export const SURNAMES = (
  'Kowalski Nowak Wisniewski Schmidt Muller Fischer Weber Becker Hoffmann Rossi Russo Ferrari Esposito Bianchi ' +
  'Garcia Martinez Lopez Gonzalez Rodriguez Fernandez Sanchez Perez Silva Santos Oliveira Pereira Costa Dubois ' +
  'Laurent Moreau Lefebvre Bernard Petit Durand Jansen Visser Bakker Smit Andersen Nielsen Hansen Larsen Johansson ' +
  'Lindqvist Berg Virtanen Korhonen Novak Horvat Popescu Ionescu Petrov Ivanova Sokolov Volkov Kuznetsov Yilmaz ' +
  'Kaya Demir Celik Haddad Khalil Mansour Nasser Farouk Rahman Hussain Khan Patel Sharma Gupta Singh Reddy Iyer ' +
  'Nair Chen Wang Zhang Liu Huang Zhao Tanaka Suzuki Sato Watanabe Nakamura Kim Lee Park Choi Nguyen Tran Pham ' +
  'Okafor Adeyemi Mensah Owusu Mwangi Otieno Dlamini Nkosi Mokoena Smith Jones Taylor Brown Williams Wilson Evans ' +
  'Thomas Roberts Walker Wright Robinson Thompson White Hughes Edwards Green Hall Wood Harris Clarke Jackson ' +
  'Turner Hill Moore Cooper Ward Morris King Baker Carter Murphy Kelly Walsh Byrne Ryan Doyle Reid Fraser ' +
  'Campbell Stewart Murray Ross Hamilton Graham Kennedy Gallagher Quinn Brennan Keane Dunne Moran'
).split(' ');

/** Countries: each gets its own capital-level recurring figures and a share of the cities. */
export const COUNTRIES = (
  'Chile|Peru|Argentina|Brazil|Colombia|Mexico|Canada|Ireland|Portugal|Spain|France|Belgium|Netherlands|Germany|' +
  'Denmark|Norway|Sweden|Finland|Poland|Czechia|Austria|Italy|Greece|Romania|Turkey|Georgia|Egypt|Morocco|' +
  'Nigeria|Ghana|Kenya|South Africa|India|Pakistan|Bangladesh|Indonesia|Philippines|Vietnam|Japan|New Zealand'
).split('|');

/** Roles of the recurring figures every country has (its president, ministers, opposition leader…). */
export const NATIONAL_ROLES = ['president', 'prime minister', 'finance minister', 'interior minister', 'health minister', 'foreign minister', 'opposition leader', 'central bank governor'];
/**
 * How often each of NATIONAL_ROLES is the recurring figure of an event: a head of state or
 * government is in the news far more than a minister, so that at 100,000 articles some people are
 * named by about 500 (the actor page's target, issue 22) while most are named by a few dozen.
 */
export const NATIONAL_PROMINENCE = [5, 3, 1, 1, 1, 1, 1, 1];

/** Organisations that turn up in every kind of story, whatever the country. */
export const GLOBAL_ORGS = ['United Nations', 'World Health Organization', 'International Monetary Fund', 'European Union', 'World Bank', 'Red Cross', 'Amnesty International', 'World Food Programme'];

/** Invented publishers, each with a domain for the article URLs. */
export const PUBLISHERS: [name: string, domain: string][] = [
  ['The Morning Ledger', 'morningledger.example'],
  ['Daily Courier', 'dailycourier.example'],
  ['The Evening Standardbearer', 'standardbearer.example'],
  ['Northern Chronicle', 'northernchronicle.example'],
  ['Harbour Times', 'harbourtimes.example'],
  ['The Continental', 'continental.example'],
  ['Metro Dispatch', 'metrodispatch.example'],
  ['World Desk', 'worlddesk.example'],
  ['The Observer Post', 'observerpost.example'],
  ['Capital Gazette', 'capitalgazette.example'],
  ['Pacific Wire', 'pacificwire.example'],
  ['Atlantic Review', 'atlanticreview.example'],
  ['The Bulletin', 'bulletin.example'],
  ['Valley Herald', 'valleyherald.example'],
  ['The Record', 'therecord.example'],
  ['Global Newsroom', 'globalnewsroom.example'],
  ['The Sentinel', 'sentinel.example'],
  ['City Press', 'citypress.example'],
  ['The Inquirer Weekly', 'inquirerweekly.example'],
  ['Riverside Tribune', 'riversidetribune.example'],
];

export const AGGREGATORS = ['Readwire', 'Newsstack'];

/** Attribution verbs after a quote. */
export const SAID = ['said', 'said', 'said', 'told reporters', 'added', 'said in a statement', 'told the Daily Courier'];

export interface Topic {
  name: string;
  /** Share of events of this kind. */
  weight: number;
  /** The topic's own vocabulary ({T}). */
  words: string[];
  /** Roles of the people in such stories. */
  roles: string[];
  /** Organisation names, with {X} (country) and {C} (city) slots. */
  orgs: string[];
  /** Headline shapes. */
  titles: string[];
  /** First-paragraph shapes. */
  leads: string[];
  /** Sentences only this kind of story has. */
  body: string[];
  /** What quoted people say, inside the quote marks. */
  quotes: string[];
  /** The event's own figure {M}: [min, max, decimals]. */
  figure: [number, number, number];
}

export const TOPICS: Topic[] = [
  {
    name: 'earthquake',
    weight: 6,
    words: 'earthquake quake tremor aftershock magnitude epicentre seismologists rubble collapse tsunami fault debris shelters tents survivors rescuers'.split(' '),
    roles: ['seismologist', 'rescue coordinator', 'civil protection chief', 'local mayor', 'hospital director', 'engineer'],
    orgs: ['{X} Geological Survey', '{X} Civil Protection Agency', '{C} Fire Service', 'Red Cross'],
    titles: ['Magnitude {M} earthquake strikes near {C}', 'Rescuers search rubble in {C} as {K} toll rises', '{X} earthquake: aftershocks shake {C}', 'Survivors of {C} quake face {A} {N} shortages'],
    leads: [
      'A magnitude {M} earthquake struck near {C} in {X} {E}, collapsing buildings and killing at least {Q} people, officials said.',
      'Rescuers in {C} worked through the night {E} to reach survivors trapped under the {K} rubble after a magnitude {M} quake.',
    ],
    body: [
      'The {O} said the epicentre was {Q} kilometres from {C} at a depth of {Q} kilometres.',
      'At least {Q} aftershocks were recorded in the hours after the quake, the strongest of them near the {K} district.',
      'Engineers inspected the {K} bridge and the {N} of {C} for cracks before allowing traffic back.',
      'Families slept in tents and cars outside {C}, afraid to return to damaged homes.',
      'The {O} warned of a {A} risk of landslides in the {K} valley after heavy rain.',
    ],
    quotes: [
      'We are still pulling people out of the {K} rubble and every hour counts',
      'The buildings that fell were the old ones, the {N} rules were never enforced',
      'We need tents, water and {N} in {C} now, not next week',
    ],
    figure: [4.5, 7.9, 1],
  },
  {
    name: 'election',
    weight: 9,
    words: 'election ballot polls voters turnout candidate campaign coalition seats constituency runoff referendum manifesto incumbent challenger'.split(' '),
    roles: ['candidate', 'campaign manager', 'electoral commission chair', 'party leader', 'pollster', 'political analyst'],
    orgs: ['{X} Electoral Commission', '{K} Party', '{X} Social Democrats', 'National {K} Alliance'],
    titles: [
      '{X} votes in {K} election as {P1} seeks {A} term',
      'Polls close in {X} with turnout at {M} percent',
      '{P1} claims victory in {C} runoff',
      'Coalition talks stall in {X} over {K} demands',
    ],
    leads: [
      'Voters in {X} went to the polls {E} in an election seen as a test for {P1}, with turnout reaching {M} percent by mid-afternoon.',
      '{P1} claimed victory in the {K} runoff {E}, after preliminary results from {C} gave the {O} a lead of {Q} seats.',
    ],
    body: [
      'The {O} said counting in {C} would continue overnight and final results were expected {D}.',
      'Polls had shown the {K} vote too close to call, with the incumbent trailing in the {A} districts.',
      'Campaigning centred on the cost of living, {N} and the future of the {K} programme.',
      'Observers from the {O} reported long queues at polling stations in {C} but no serious irregularities.',
      'A coalition would need at least {Q} seats, and analysts expect weeks of talks over the {K} question.',
    ],
    quotes: [
      'The people of {X} have chosen change and we will not let them down',
      'This result is a clear mandate for the {K} plan',
      'We will challenge the count in {C}, where the irregularities are obvious',
    ],
    figure: [38, 82, 1],
  },
  {
    name: 'trial',
    weight: 7,
    words: 'trial court judge jury verdict defendant prosecution testimony sentence appeal acquittal hearing counsel charges indictment'.split(' '),
    roles: ['defendant', 'prosecutor', 'defence lawyer', 'judge', 'witness', 'legal analyst'],
    orgs: ['{C} Crown Court', '{X} Supreme Court', '{C} Prosecutor Office', '{X} Bar Association'],
    titles: ['{P1} goes on trial in {C} over {K} charges', 'Jury finds {P1} guilty in {K} case', 'Witness tells {C} court of {A} {N} at {K}', '{P1} sentenced to {M} years'],
    leads: [
      'The trial of {P1} over the {K} affair opened at the {O} {E}, with prosecutors alleging {A} fraud worth {Q} million.',
      'A jury at the {O} found {P1} guilty {E} of charges linked to the collapse of {K}, after deliberating for {Q} hours.',
    ],
    body: [
      'Prosecutors told the court that {P1} had moved funds through the {K} accounts over {Q} months.',
      'The defence argued that the {N} records did not show intent and asked the judge to dismiss the {K} charges.',
      'The judge adjourned the hearing, and the final witnesses are due to give evidence {D}.',
      'Outside the {O}, supporters of {P1} gathered with banners calling the {K} case political.',
      'If convicted, {P1} faces up to {M} years in prison under the {X} penal code.',
    ],
    quotes: ['My client has always denied any involvement in the {K} payments', 'The evidence shows a deliberate scheme over many months', 'I saw the documents with my own eyes in the {K} office'],
    figure: [2, 25, 0],
  },
  {
    name: 'flood',
    weight: 6,
    words: 'flood flooding floodwaters rainfall river levee evacuation dam overflow downpour monsoon landslide sandbags inundated embankment'.split(' '),
    roles: ['emergency manager', 'hydrologist', 'regional governor', 'farmer', 'volunteer', 'weather forecaster'],
    orgs: ['{X} Meteorological Service', '{C} Emergency Management Office', '{X} Water Authority', 'Red Cross'],
    titles: ['Floods force thousands from homes in {C}', '{K} river bursts its banks near {C}', '{X} floods: {M} dead as rain continues', 'Clean-up begins in {C} after {K} floods'],
    leads: [
      'Floodwaters swept through {C} {E} after {Q} millimetres of rain fell in a day, forcing the evacuation of {Q} residents.',
      'The {K} river burst its banks near {C} {E}, cutting off villages and killing at least {M} people, the {O} said.',
    ],
    body: [
      'The {O} issued a red warning for the {K} basin and said more rain was expected {D}.',
      'Soldiers filled sandbags along the {K} embankment as the water rose above the {N} mark.',
      'Farmers in the valley said the floods had destroyed most of the {N} harvest.',
      'Schools in {C} were turned into shelters for families whose homes were under water.',
      'Engineers were monitoring the {K} dam, which the {O} said was holding.',
    ],
    quotes: [
      'The water came up in minutes, we had no time to save anything',
      'The {K} embankment was never built for rain like this',
      'We have moved {Q} families out of the {K} district and more will follow',
    ],
    figure: [3, 140, 0],
  },
  {
    name: 'wildfire',
    weight: 5,
    words: 'wildfire blaze firefighters flames smoke evacuation hectares containment embers bushfire drought heatwave scorched firebreak arson'.split(' '),
    roles: ['fire chief', 'forestry official', 'resident', 'climate scientist', 'regional governor', 'pilot'],
    orgs: ['{X} Forest Service', '{C} Fire Brigade', '{X} Civil Protection Agency', '{C} Regional Council'],
    titles: ['Wildfire near {C} forces {M} to flee', 'Firefighters battle {K} blaze for third day', '{X} wildfires: {K} fire contained', 'Smoke from {K} fire blankets {C}'],
    leads: [
      'A wildfire fanned by strong winds tore through forest near {C} {E}, forcing {Q} residents to leave their homes.',
      'Firefighters said {E} they had contained {M} percent of the {K} fire, which has burned {Q} hectares near {C}.',
    ],
    body: [
      'Water-bombing aircraft from the {O} flew over the {K} ridge as the fire jumped a firebreak.',
      'Air quality in {C} fell to {A} levels and the {O} advised people to stay indoors.',
      'Investigators were examining whether the {K} fire had been started deliberately.',
      'The region has had its driest summer in {Q} years, with temperatures above {Q} degrees.',
      'Evacuation centres in {C} were sheltering families from the {K} villages.',
    ],
    quotes: ['The wind changed direction and the fire was on us in minutes', 'We lost the {K} farm, everything my father built', 'Crews are holding the line at {K} but the night will be difficult'],
    figure: [2, 98, 0],
  },
  {
    name: 'strike',
    weight: 5,
    words: 'strike walkout union workers wages pay picket negotiations employers stoppage ballot dispute overtime pensions shifts'.split(' '),
    roles: ['union leader', 'company spokesperson', 'labour minister', 'worker', 'economist', 'mediator'],
    orgs: ['{X} Transport Workers Union', '{K} Rail', '{X} Federation of Employers', '{C} Port Authority'],
    titles: ['{K} workers walk out over pay', 'Strike halts {N} across {X}', 'Talks to end {K} strike collapse', 'Union accepts {M} percent offer, ending strike'],
    leads: [
      'Thousands of workers at {O} walked out {E} in a dispute over pay and pensions, halting services across {X}.',
      'Talks to end the {K} strike collapsed {E} after the union rejected a {M} percent pay offer, {P1} said.',
    ],
    body: [
      'Picket lines formed outside the {K} depot in {C} before dawn.',
      'The union says pay has fallen {Q} percent behind inflation since the last {K} agreement.',
      'Employers warned that the stoppage was costing the {N} sector {Q} million a day.',
      'A mediator appointed by the {O} is expected to meet both sides {D}.',
      'Commuters in {C} faced long queues for buses as {K} services were cancelled.',
    ],
    quotes: [
      'Our members have not had a real pay rise in years and they have had enough',
      'The offer on the table is fair and the {K} strike must end',
      'We are ready to talk at any time, but not under threat',
    ],
    figure: [3, 15, 1],
  },
  {
    name: 'summit',
    weight: 6,
    words: 'summit talks leaders diplomats communique delegation negotiations sanctions treaty accord bilateral envoy agenda declaration alliance'.split(' '),
    roles: ['foreign minister', 'diplomat', 'envoy', 'summit host', 'analyst', 'trade negotiator'],
    orgs: ['United Nations', 'European Union', '{X} Foreign Ministry', '{K} Alliance'],
    titles: ['Leaders meet in {C} for {K} summit', '{K} summit ends without deal on {N}', '{P1} and {R} agree {K} accord', 'Envoys in {C} seek {A} ceasefire'],
    leads: [
      'Leaders from {Q} countries gathered in {C} {E} for a summit on {K}, with {P1} pressing for a {A} agreement on {N}.',
      'The {K} summit in {C} ended {E} with a joint declaration on trade and {N} but no deal on sanctions.',
    ],
    body: [
      'Diplomats worked overnight on the wording of the {K} communique, officials said.',
      '{R} met {P1} on the sidelines of the summit to discuss the {K} pipeline.',
      'The {O} said it would send a delegation to {C} {D} to continue the talks.',
      'Protesters marched through {C} against the {K} treaty as the leaders met.',
      'The agreement still needs approval from the parliaments of all {Q} members.',
    ],
    quotes: ['This accord shows that dialogue works, even on {K}', 'We did not come to {C} to sign a piece of paper that changes nothing', 'There is still a gap on {N}, and we will keep talking'],
    figure: [2, 40, 0],
  },
  {
    name: 'business',
    weight: 8,
    words: 'merger acquisition shares earnings revenue profit shareholders takeover bid valuation quarter dividend layoffs regulator chief'.split(' '),
    roles: ['chief executive', 'finance director', 'analyst', 'shareholder', 'regulator', 'economist'],
    orgs: ['{K} Holdings', '{K} Group', '{X} Competition Authority', '{C} Stock Exchange'],
    titles: ['{O} agrees {M} billion takeover of {K}', '{K} profits fall as {N} costs rise', 'Regulator opens inquiry into {K} deal', '{K} to cut {Q} jobs'],
    leads: [
      '{O} agreed {E} to buy {K} for {M} billion, creating one of the largest {N} companies in {X}, {P1} said.',
      'Shares in {K} fell {Q} percent {E} after the company reported a drop in quarterly profit and warned about {N} costs.',
    ],
    body: [
      'The deal values {K} at {Q} times its annual earnings, analysts said.',
      'The {O} said it would examine whether the takeover would reduce competition in the {N} market.',
      'Revenue rose to {Q} million in the quarter, helped by strong demand for {N}.',
      'The company plans to close its {C} plant and move production to {X}.',
      'Investors had been pressing the board to sell the {K} unit for months.',
    ],
    quotes: [
      'This deal makes us stronger in every market we serve',
      'The numbers for {K} were below expectations and the market reacted',
      'We will look closely at what this means for customers and prices',
    ],
    figure: [1.2, 48, 1],
  },
  {
    name: 'storm',
    weight: 5,
    words: 'storm hurricane typhoon cyclone winds gusts landfall surge rainfall outages evacuees forecasters shelters debris category'.split(' '),
    roles: ['forecaster', 'emergency official', 'governor', 'resident', 'utility spokesperson', 'coastguard officer'],
    orgs: ['{X} Meteorological Service', '{X} National Hurricane Centre', '{C} Power Company', '{X} Coastguard'],
    titles: ['Storm {K} makes landfall near {C}', 'Storm {K} leaves {Q} homes without power', '{X} braces for Storm {K}', 'Storm {K}: {M} dead in {X}'],
    leads: [
      'Storm {K} made landfall near {C} {E} with winds of up to {Q} kilometres an hour, cutting power to {Q} homes.',
      'Forecasters at the {O} said {E} that Storm {K} would strengthen before reaching the {X} coast.',
    ],
    body: [
      'The storm surge flooded the seafront in {C} and washed away parts of the coastal road.',
      'Crews from the {O} were working to restore power, but some areas could be without it for days.',
      'Storm {K} is the {A} storm to hit {X} this season, the {O} said.',
      'Flights from {C} were cancelled and ferries stayed in port.',
      'Residents of low-lying areas near {C} were told to move to higher ground.',
    ],
    quotes: ['We have never seen winds like this in {C}', 'Storm {K} is moving slowly, and that means more rain', 'Our crews will work around the clock until every home has power again'],
    figure: [1, 60, 0],
  },
  {
    name: 'protest',
    weight: 6,
    words: 'protest protesters demonstrators march rally police riot arrests tear slogans crackdown curfew barricades activists dispersal'.split(' '),
    roles: ['activist', 'police chief', 'interior minister', 'student leader', 'human rights lawyer', 'organiser'],
    orgs: ['{C} Police', '{X} Interior Ministry', '{K} Movement', 'Amnesty International'],
    titles: ['Thousands march in {C} against {K} law', 'Police clash with protesters in {C}', '{X} protests: {M} arrested', '{K} protest leaders call for general strike'],
    leads: [
      'Tens of thousands of people marched through {C} {E} against the {K} law, in the largest protest in {X} in years.',
      'Police in {C} fired tear gas {E} to disperse protesters demanding the withdrawal of the {K} measures, and arrested {M} people.',
    ],
    body: [
      'Protesters carried banners reading "{K} out" and blocked the main road into {C}.',
      'The {O} said {Q} officers had been injured and defended the use of force.',
      'Organisers from the {K} Movement called for a new march {D}.',
      'The government imposed a curfew on central {C} from {Q} pm.',
      'Rights groups criticised the arrests and called for an independent inquiry into the {K} crackdown.',
    ],
    quotes: ['We will keep coming back until the {K} law is withdrawn', 'Officers faced violence and acted within the law', 'This is a peaceful movement and the world is watching {C}'],
    figure: [5, 400, 0],
  },
  {
    name: 'outbreak',
    weight: 5,
    words: 'outbreak virus infections cases vaccine vaccination quarantine epidemiologists symptoms hospitalisations strain clinics contagion pathogen testing'.split(' '),
    roles: ['epidemiologist', 'health minister', 'doctor', 'hospital director', 'virologist', 'public health official'],
    orgs: ['World Health Organization', '{X} Health Ministry', '{C} General Hospital', '{X} Institute of Public Health'],
    titles: ['{K} outbreak spreads to {C}', '{X} reports {M} new {K} cases', 'Vaccination drive begins in {C} as {K} cases rise', 'Health officials warn of {K} strain'],
    leads: [
      'Health officials in {X} confirmed {M} new cases of {K} {E}, bringing the total since the outbreak began in {C} to {Q}.',
      'The {O} said {E} that the {K} outbreak in {C} was spreading faster than expected and urged people to get tested.',
    ],
    body: [
      'Hospitals in {C} postponed routine operations to free beds for {K} patients.',
      'Scientists at the {O} were sequencing samples to see whether the {K} strain had changed.',
      'Schools in the {K} district were closed for {Q} days as a precaution.',
      'The vaccination campaign aims to reach {Q} people in {C} by the end of the month.',
      'Symptoms include fever and fatigue, and most patients recover within {Q} days.',
    ],
    quotes: ['The numbers are rising, but our hospitals can still cope', 'We are seeing the {K} strain in younger patients', 'Getting vaccinated is the best thing anyone in {C} can do now'],
    figure: [12, 900, 0],
  },
  {
    name: 'football',
    weight: 7,
    words: 'football match goal striker midfielder defender league cup transfer coach penalty stadium fixture squad injury referee'.split(' '),
    roles: ['coach', 'striker', 'club president', 'goalkeeper', 'sports director', 'captain'],
    orgs: ['{C} FC', '{K} United', '{X} Football Federation', '{C} Athletic'],
    titles: ['{P1} scores twice as {O} beat {K}', '{O} sign {P1} in {M} million deal', '{K} sack coach after {A} defeat', '{P1} ruled out with {K} injury'],
    leads: ['{P1} scored twice as {O} beat {K} {G} {E}, moving them to the top of the league in {X}.', '{O} completed the signing of {P1} {E} for a fee of {M} million, the club said.'],
    body: [
      'The striker opened the scoring after {Q} minutes with a header from a corner.',
      'A penalty was awarded after a review, and {P1} made no mistake from the spot.',
      'The coach praised the squad but said the {K} defence had to improve.',
      'More than {Q} fans watched the match at the {K} stadium in {C}.',
      'The club has now won {Q} of its last {Q} league games.',
    ],
    quotes: ['The lads showed real character after the break', 'It is a dream to join a club like {O}', 'We made mistakes and at this level you pay for them'],
    figure: [5, 120, 1],
  },
  {
    name: 'cyberattack',
    weight: 4,
    words: 'cyberattack hackers ransomware breach malware servers encryption passwords outage phishing vulnerability patch intrusion espionage firewall'.split(' '),
    roles: ['security researcher', 'chief technology officer', 'cyber agency director', 'company spokesperson', 'analyst', 'investigator'],
    orgs: ['{X} Cyber Security Centre', '{K} Systems', '{C} City Council', '{K} Bank'],
    titles: ['Ransomware attack hits {O}', 'Hackers steal data of {M} million {K} customers', '{C} council systems down after cyberattack', '{X} blames foreign hackers for {K} breach'],
    leads: [
      'A ransomware attack on {O} {E} took its systems offline and exposed data of {M} million customers, the company said.',
      'The {O} said {E} that hackers had exploited a vulnerability in {K} software to break into government servers.',
    ],
    body: [
      'The attackers demanded a ransom of {Q} million in cryptocurrency, according to the {O}.',
      'Investigators traced the intrusion to a phishing email sent to staff in {C}.',
      'The company said it had patched the {K} vulnerability and reset all passwords.',
      'Services at {C} hospitals were disrupted for {Q} hours while systems were restored.',
      'Security researchers said the {K} group had carried out similar attacks in {X}.',
    ],
    quotes: [
      'We acted quickly to contain the attack and protect our customers',
      'The {K} group has been behind attacks across the region',
      'Nobody should assume their data is safe until the investigation is complete',
    ],
    figure: [1.1, 30, 1],
  },
];

/** Sentences any story can have, with the Zipf-drawn words in them. */
export const GENERIC: string[] = [
  'The {N} of {C} {V} the {A} {N} {D}.',
  'Officials in {X} {V} that the {N} would {B} the {N} for at least {Q} {N}.',
  'The {O} {V} a {A} {N} into the {N}, a spokesperson said.',
  'Local {N} said the {A} {N} had made the {N} worse.',
  'The {A} {N} in {C} has been a source of {N} for years.',
  'Critics said the {N} did not go far enough to {B} the {N} of {N}.',
  'According to figures from the {O}, {Q} {N} were affected.',
  'The {N} is expected to {B} the {N} of {Q} {N} over the next {Q} months.',
  'It was the {A} {N} in years, and it came after the {N} {V} the {N} {D}.',
  'In {C}, {N} and {N} {V} the {A} {N}.',
  '{R} {V} the {N} and said the {O} would {B} it.',
  'The {N} has {V} the {A} {N} of the {N}, which {V} the {N} last year.',
  'The cost of the {N} is estimated at {Q} million.',
  'Residents of {C} said they had not been told about the {N}.',
  'The {O} has {V} the {N} and plans to {B} the {A} {N}.',
  'Similar {N} were {V} in {X} and elsewhere in the region.',
  'There was no immediate comment from the {O} on the {N}.',
  'The {A} {N} was first {V} by the {N} {D}.',
  'Some {N} have questioned whether the {N} can {B} the {A} {N}.',
  'The {K} {N} remains {A}, and the {N} is under {A} {N}.',
  'A {A} {N} from the {O} said the {N} and the {N} were being {V} separately.',
  'Figures for {N}, {N} and {N} are due to be published {D}.',
  'The {N} had already {V} {Q} {N} and {Q} {N} before the {A} {N} was {V}.',
  'Neither the {N} nor the {N} has explained why the {N} was {V}.',
  'A {A} {N} of {N} and {N} has long divided {N} in {C}.',
  'Analysts said the {A} {N} could {B} {N} and {N} well into next year.',
  'The {N} is one of several {N} that the {O} has {V} since {Q}.',
  'Asked about the {N}, a spokesperson for the {O} said the {N} was a matter for the {N}.',
  'Under the {A} {N}, {N} would have to {B} the {N} within {Q} days.',
  'The {N} and the {N} are expected to {B} the {A} {N} when they meet.',
  'Questions remain over the {N}, the {N} and who will pay for the {N}.',
  'Earlier, the {O} {V} the {N} and {V} a {A} {N} on {N}.',
  'The {A} {N} follows a {N} of {N} that {V} {N} across {X}.',
  'Those affected include {N}, {N} and {A} {N} in the {N} district.',
  'The {N} said it would {B} the {N} but gave no details about the {N}.',
  'Support for the {N} has fallen among {N} and {N}, a {N} of {Q} people found.',
  'The {A} {N} has been {V} twice since it was {V} by the {N}.',
  'Documents seen by the {N} show that the {N} {V} the {N} at least {Q} times.',
  'Behind the {N} lies a {A} {N} over {N}, {N} and the {N} of {C}.',
  'Supporters of the {N} say it will {B} {N}, while opponents warn of {A} {N}.',
];
