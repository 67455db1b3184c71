#!/usr/bin/env python3
"""Writes search-quality.json: 500 diary entries over 20 topics and 20 queries with their relevant entries.

    python3 Tests/Fixtures/search-quality.py > Tests/Fixtures/search-quality.json

Each topic has one query, 25 entries and exactly 5 relevant ones (recall@5 is hits / 5). The queries are of
the two kinds a diary meets, on which full text and vectors fail in opposite ways:
- 10 descriptive queries ("why are the bottom tomato leaves turning yellow"). Of the 5 relevant entries only
  one uses every query word (Postgres full text ANDs them), two use some of them, two paraphrase the query
  with none; two "decoys" use every query word in another sense. Vectors find paraphrases, full text cannot.
- 10 exact-name queries: a project code name, a ticket or invoice number, a flight, a person, a song
  ("Kestrel", "OPS-1182", "LH431", "Okafor"). The 5 relevant entries are a few sentences long and mention the
  name once, in passing; two other entries are about what the name ordinarily means (a falcon, an invoice,
  cookies) without it. Full text finds exactly the relevant entries; in a vector the name is a small part of a
  long entry, while the ordinary meaning pulls the unrelated entries close.
Every topic also has neighbour entries: the topic's other aspects, which vectors rank near the query.
The output is deterministic.
"""
import json
import sys

TEMPLATES = [
    "Today I {a}.",
    "Note for later: I {a}, which took most of the afternoon.",
    "Weekly review: I {a} and would do it the same way again.",
]

TOPICS = [
    {
        "query": "restore the database from last week's backup",
        "lexical": [
            "Tested the database backup restore on staging; the nightly dump came back in twelve minutes.",
            "The database restore from last week's backup failed until I fixed the role permissions.",
            "Wrote a runbook for database backup and restore drills, to practise every quarter.",
        ],
        "paraphrase": [
            "Recovered the Postgres cluster from the snapshot taken at midnight; every table came back intact.",
            "Rebuilt the lost rows from yesterday's pg_dump archive and verified the counts against production.",
        ],
        "decoy": [
            "Had to restore my phone from last week's backup; the contacts database was empty.",
            "Museum visit: they restore old paintings, and keep a donor database as a backup plan for funding.",
        ],
        "aspects": [
            "added an index on the orders table and the planner finally used it",
            "watched replication lag climb on the read replica during the batch job",
            "tuned the connection pool so the app stops opening hundreds of sessions",
            "ran vacuum by hand on the bloated events table",
            "wrote a schema migration that adds a column without locking writes",
            "read an explain plan that showed a sequential scan over ten million rows",
        ],
    },
    {
        "query": "feeding my sourdough starter with rye flour",
        "lexical": [
            "My sourdough starter doubled overnight after feeding it rye flour.",
            "Gave part of the sourdough starter to a neighbour, with feeding instructions.",
            "The sourdough starter smelled of acetone, so I now feed it twice a day.",
        ],
        "paraphrase": [
            "The wild yeast culture in the jar bubbled up nicely after a feeding of flour and water.",
            "Kept the levain on the kitchen counter and it rose by half in six hours.",
        ],
        "decoy": [
            "The starter motor died while I was feeding the parking meter; we ate sourdough rye sandwiches and bought flour.",
            "Sourdough is the code name of our starter project template for new services.",
        ],
        "aspects": [
            "made fresh pasta with semolina and three eggs",
            "sharpened the chef's knife and practised a fine dice on onions",
            "cooked a big pot of lentil soup with cumin",
            "roasted carrots and parsnips with honey",
            "ground cardamom and cloves for a curry",
            "baked chocolate chip cookies that spread too thin",
        ],
    },
    {
        "query": "knee pain after running downhill",
        "lexical": [
            "Knee pain after running downhill; iced it and skipped the long run.",
            "The physio says my knee pain comes from running with a weak hip.",
            "Running on the track instead of asphalt eased the knee pain.",
        ],
        "paraphrase": [
            "The joint below my thigh ached after the 10k jog, so I rested and stretched.",
            "After the marathon training session my kneecap felt sore and swollen.",
        ],
        "decoy": [
            "The pain of running a meeting that went downhill fast; my knee bounced under the table the whole time.",
            "Running the data pipeline was a pain; I sat with the laptop on my knee all afternoon.",
        ],
        "aspects": [
            "swam forty lengths of the pool at an easy pace",
            "cycled to the lake and back against the wind",
            "did twenty minutes of hamstring stretches after work",
            "ate a bowl of oats and a banana before the workout",
            "slept nine hours to recover from the hard week of training",
            "lifted heavier deadlifts at the gym with good form",
        ],
    },
    {
        "query": "merge conflict",
        "term": "Kestrel",
        "term_entries": [
            "Long afternoon of merges. The router file had conflicting edits from two teams, and I kept both routes after reading the history. Kestrel builds again, and the tests pass on my machine.",
            "The release train stopped for an hour because the manifest had two versions of the same dependency. I picked the newer one for Kestrel and asked the owners to confirm before tagging.",
            "Paired with the intern on branching. We drew the flow on the whiteboard: feature branches, a release branch, and hotfixes cherry-picked back. Kestrel follows the same rules as every other repository.",
            "Two branches changed the same lines of configuration and git stopped to ask which version to keep. I chose the one with the longer timeout, since the Kestrel workers are slow to start.",
            "Rebased my work onto main this morning. Three files had clashing hunks that I reconciled by hand, one of them in the Kestrel scheduler, and the diff is finally small enough to review."
        ],
        "lexical": [
            "Resolved a merge conflict in the router file by keeping both routes.",
            "A merge conflict in the manifest blocked the release for an hour.",
            "Taught the intern to read merge conflict markers without panic.",
        ],
        "paraphrase": [
            "Two branches edited the same lines of config, and git stopped to ask me which version to keep.",
            "Rebasing onto main produced clashing hunks in three files that I reconciled by hand.",
        ],
        "decoy": [
            "Watched a small falcon hovering over the motorway verge, wings beating fast, before it dropped on a mouse.",
            "A pair of birds of prey nested on the church tower this spring; the chicks are already flying."
        ],
        "aspects": [
            "reviewed a pull request and asked for smaller commits",
            "fixed the continuous integration pipeline that timed out on tests",
            "wrote clearer commit messages with a short summary line",
            "tagged the release and pushed the tag to the remote",
            "bisected the history to find the commit that broke the build",
            "cleaned up stale branches nobody had touched in months",
        ],
    },
    {
        "query": "why are the bottom tomato leaves turning yellow",
        "lexical": [
            "The tomato leaves turned yellow at the bottom; probably too much water.",
            "Yellow leaves on the tomato plants again, so I added some nitrogen.",
            "Pulled the yellow tomato leaves off to stop the blight spreading.",
        ],
        "paraphrase": [
            "My Roma plants have pale, sickly foliage near the soil line; I suspect they lack nitrogen.",
            "The nightshade seedlings on the balcony are losing their green colour and wilting.",
        ],
        "decoy": [
            "She turned up at the bottom of the stairs as she leaves for lunch: a yellow curry with tomato rice.",
            "Bought yellow paper for the leaves of the guest book and a tomato red cover.",
        ],
        "aspects": [
            "turned the compost heap and added dry straw",
            "pruned the roses back to outward facing buds",
            "set the drip irrigation to run at dawn",
            "planted tulip bulbs along the fence",
            "picked slugs off the lettuce by torchlight",
            "fixed the greenhouse vent that would not open",
        ],
    },
    {
        "query": "credit card debt",
        "term": "INV-2291",
        "term_entries": [
            "Sorted the office paperwork over coffee. The printer supplier's bill, INV-2291, is still unpaid, so I will settle it from the company card before Friday to avoid the late fee.",
            "Paid the supplier today with the credit card to collect the points; the reference was INV-2291. The card balance is now higher than I like, and I must clear it next month.",
            "The supplier added a late fee although we paid within the terms. I wrote to them, quoted INV-2291 and the date of the transfer, and asked them to remove it.",
            "Scanned every receipt of the quarter for the tax folder, INV-2291 included, and named the files by date so the accountant can find them.",
            "The bank called about an unusual payment to a new supplier abroad. It was INV-2291, the printer bill, so I confirmed it and they released the transfer."
        ],
        "lexical": [
            "Made a plan to pay off the credit card debt within a year.",
            "The credit card debt grew because I only paid the minimum.",
            "Moved the credit card debt to a card with zero interest for twelve months.",
        ],
        "paraphrase": [
            "Paid down the balance I owed on the plastic; the interest was eating my salary.",
            "Consolidated what I owe the bank into one loan with a lower rate.",
        ],
        "decoy": [
            "Another invoice arrived from the cleaning company; I filed it with this month's bills.",
            "Went through the stack of bills and invoices and paid the three that were due this week."
        ],
        "aspects": [
            "wrote a monthly budget with a line for groceries",
            "raised my retirement savings contribution by two percent",
            "filed the tax return and claimed the home office",
            "bought more of the world index fund",
            "negotiated the rent with the landlord",
            "compared home insurance quotes",
        ],
    },
    {
        "query": "insomnia keeps me awake at night",
        "lexical": [
            "Insomnia keeps me awake at night; last night from two until five.",
            "Night after night of insomnia since the move.",
            "Tried chamomile tea for the insomnia and it helped for one night.",
        ],
        "paraphrase": [
            "Lay awake for hours staring at the ceiling, unable to drift off.",
            "Woke at three and could not get back to rest until dawn.",
        ],
        "decoy": [
            "Watched the film Insomnia on movie night; the plot keeps you awake until the end.",
            "The band Insomnia played a late night gig downtown and the crowd loved it.",
        ],
        "aspects": [
            "wrote down a vivid dream about flying over the sea",
            "took a short nap after lunch",
            "bought blackout curtains for the bedroom",
            "cut coffee after noon",
            "moved the alarm clock across the room",
            "checked the sleep tracker on my watch",
        ],
    },
    {
        "query": "flight delayed",
        "term": "LH431",
        "term_entries": [
            "Travel day. Fog in Frankfurt held LH431 on the ground for three hours, so I missed the connection to Porto and spent the night in an airport hotel.",
            "Checked in online the evening before and picked an aisle seat near the front. LH431 leaves at seven, so the alarm is set for four.",
            "During the long wait at the gate the crew handed out sandwiches and water. The pilot explained the delay twice; LH431 finally boarded at noon.",
            "Filed a compensation claim with the airline for the three-hour delay, with the boarding passes of LH431 and the hotel receipt attached.",
            "For once the plane landed early and my bag came out first on the belt. LH431 has been on time all month."
        ],
        "lexical": [
            "Flight delayed three hours in Frankfurt; I missed the connection.",
            "Our flight was delayed by fog, so I worked from the lounge.",
            "Filed a compensation claim for the delayed flight.",
        ],
        "paraphrase": [
            "The plane sat at the gate for two hours because the crew arrived late.",
            "Departure got pushed back again and again, and we only took off after midnight.",
        ],
        "decoy": [
            "The airline moved our flight to an earlier departure and sent a new boarding pass by email.",
            "Lufthansa changed the aircraft, so our seats were reassigned at the gate."
        ],
        "aspects": [
            "packed a carry-on bag with three shirts",
            "booked a small hotel near the old town",
            "renewed my passport at the consulate",
            "tried the local street food at the market",
            "fought jet lag by walking in the morning sun",
            "took the night train along the coast",
        ],
    },
    {
        "query": "memory leak",
        "term": "OPS-1182",
        "term_entries": [
            "Long day on the image pipeline. The cache kept growing until the pods restarted, so I opened OPS-1182 to track it and started profiling allocations.",
            "Found the cause: a closure captured the cache strongly, a retain cycle that kept every entry alive. The fix for OPS-1182 is two lines and a test.",
            "A week without a single restart of the image service, and the heap stays flat. Closed OPS-1182 with a link to the graphs.",
            "Wrote the postmortem for OPS-1182: what we saw, how we found the cycle, and the alert that would have told us a week earlier. Shared it with the team.",
            "Planning meeting. OPS-1182 stays assigned to me until Friday; after that I move to the billing export work."
        ],
        "lexical": [
            "Found a memory leak in the image cache; entries were never evicted.",
            "The memory leak came from a retain cycle in a closure.",
            "Valgrind confirmed the memory leak in the parser.",
        ],
        "paraphrase": [
            "The server's resident size grew by 50 MB an hour until the OOM killer stopped it.",
            "Heap usage climbed steadily because buffers were allocated but never freed.",
        ],
        "decoy": [
            "Filed a new ticket in the operations tracker about the disk alerts on the build machines.",
            "The ops ticket queue had forty open issues this morning, most of them duplicates."
        ],
        "aspects": [
            "profiled the hot loop and halved its CPU time",
            "measured request latency at the 99th percentile",
            "added a cache in front of the slow lookup",
            "fixed a race between two threads",
            "reduced the log volume of the service",
            "ran a load test with two thousand users",
        ],
    },
    {
        "query": "Spanish vocabulary",
        "term": "Lucía",
        "term_entries": [
            "Spanish lesson this evening. Lucía corrected my subjunctive again and gave me ten sentences to rewrite for next week.",
            "Lucía lent me a Borges novel to read over the summer, with a list of words to look up for each chapter.",
            "The class with Lucía moved to Thursdays because of her new job, which suits me better.",
            "Practised the rolled r in the car all week. Today Lucía said it is finally improving, and I was absurdly proud.",
            "Paid for the next ten lessons in advance. Lucía gives a discount for a block, and it keeps me committed."
        ],
        "lexical": [
            "Learned forty new Spanish vocabulary words with flashcards.",
            "Spanish vocabulary for the kitchen: cuchara, tenedor, cuchillo.",
            "Reviewed Spanish vocabulary on the train this morning.",
        ],
        "paraphrase": [
            "Drilled words for the Madrid trip with spaced repetition; madrugada finally stuck.",
            "Memorised thirty new terms in castellano using an app.",
        ],
        "decoy": [
            "Lucia from accounting brought a cake for her birthday and everybody sang in the kitchen.",
            "Saint Lucy's day: a procession with candles went through the village at dusk."
        ],
        "aspects": [
            "practised the subjunctive mood with a workbook",
            "worked on rolling my r sounds",
            "had a conversation exchange with a partner from Lima",
            "read two chapters of a novel by Borges in the original",
            "listened to a podcast for learners during the commute",
            "registered for the language exam in June",
        ],
    },
    {
        "query": "dog vaccination",
        "term": "Biscuit",
        "term_entries": [
            "Took Biscuit to the clinic for his rabies shot. He shook the whole time but got a treat from the vet.",
            "Came home to find the sofa cushion in pieces on the floor. Biscuit looked very pleased with himself.",
            "Early walk around the lake before breakfast, with frost on the grass. Biscuit chased every duck and caught none.",
            "Training went well: Biscuit learned to sit and stay in two days, as long as there is cheese in my pocket.",
            "Bought a new collar with his name engraved on the tag, since Biscuit slipped out of the old one twice."
        ],
        "lexical": [
            "Took the dog for his rabies vaccination.",
            "The dog's vaccination record is in the blue folder.",
            "Booked the yearly dog vaccination for Tuesday.",
        ],
        "paraphrase": [
            "The puppy got her booster shots at the animal clinic today.",
            "Our beagle had his annual jabs and was sleepy all afternoon.",
        ],
        "decoy": [
            "Baked ginger cookies and shortbread for the neighbours; the kitchen smelled of butter all day.",
            "Dunked a digestive in my tea and lost half of it to the cup."
        ],
        "aspects": [
            "walked the beagle around the park twice",
            "taught the puppy to sit and stay",
            "switched the pet food to a grain free brand",
            "brushed out the winter coat",
            "bought a chew toy shaped like a bone",
            "fed the cat before leaving",
        ],
    },
    {
        "query": "leaking faucet",
        "term": "Okafor",
        "term_entries": [
            "The bathroom tap had dripped for a week. Mr Okafor came this morning, replaced the washer and the seat, and refused a second coffee.",
            "Called Okafor about the dripping shower head. He can only come next week, so there is a bucket under it for now.",
            "The bill for the yearly boiler service arrived from Okafor, lower than last year because the filter was still clean.",
            "While fixing the sink, Okafor pointed at the old lead pipes in the cellar and recommended replacing them next spring.",
            "Booked Okafor for Tuesday morning to look at the radiator that never warms up."
        ],
        "lexical": [
            "Fixed the leaking faucet in the bathroom with a new washer.",
            "The kitchen faucet is leaking again.",
            "Replaced the cartridge of the leaking faucet.",
        ],
        "paraphrase": [
            "The tap over the sink kept dripping all night, so I changed the O-ring.",
            "Water drips from the mixer spout; I need to call a plumber.",
        ],
        "decoy": [
            "Chinedu, our new neighbour, invited us for jollof rice and talked about Lagos all evening.",
            "A plumber from the agency came, looked at the boiler and said it needs a specialist."
        ],
        "aspects": [
            "painted the hallway walls a warm grey",
            "drilled holes and hung two shelves",
            "replaced a broken light switch",
            "cleared moss from the roof gutters",
            "sanded and oiled the oak floor",
            "tightened the hinge of the squeaky door",
        ],
    },
    {
        "query": "my calendar is full of meetings every day",
        "lexical": [
            "My calendar is full of meetings every day; no time to write code.",
            "Blocked focus time in the calendar to cut down on meetings.",
            "Declined recurring meetings that clutter my calendar.",
        ],
        "paraphrase": [
            "Back-to-back calls from nine to five, with no gap to think.",
            "Spent the whole day in standups and syncs instead of building anything.",
        ],
        "decoy": [
            "The astronomy club's calendar is full: meetings every day of the full moon week.",
            "A calendar of village fair meetings hangs in the bakery window.",
        ],
        "aspects": [
            "rewrote my todo list into three priorities",
            "answered forty emails before lunch",
            "did four hours of deep work without notifications",
            "tried the pomodoro technique with a kitchen timer",
            "cleaned up my notes from the week",
            "moved a deadline after talking to the client",
        ],
    },
    {
        "query": "heat wave",
        "term": "Zaragoza",
        "term_entries": [
            "Conference trip. Zaragoza hit 41 degrees today, so we stayed in the air-conditioned hall until the evening sessions ended.",
            "Flew to Zaragoza via Madrid for the conference; the train from the airport was quick and almost empty.",
            "Visited the basilica in Zaragoza at noon. It was cool inside, a relief from the sun on the square.",
            "Booked a small hotel near the old town of Zaragoza, ten minutes on foot from the venue.",
            "The tapas bars of Zaragoza open late, once the heat breaks, and the streets fill up after ten."
        ],
        "lexical": [
            "Heat wave day three: 38 degrees, and I closed the shutters.",
            "The heat wave killed the lettuce in the garden.",
            "During the heat wave I worked at night and slept in the afternoon.",
        ],
        "paraphrase": [
            "Scorching temperatures all week; the city opened cooling centres.",
            "It was so hot the asphalt softened; the hottest summer on record.",
        ],
        "decoy": [
            "Spent a weekend in Valencia eating paella by the beach and cycling in the old riverbed.",
            "The train from Madrid to Barcelona was fast and quiet, and I slept most of the way."
        ],
        "aspects": [
            "got soaked in a cloudburst on the way home",
            "shovelled snow off the driveway",
            "watched a thunderstorm roll over the hills",
            "checked the forecast for the weekend hike",
            "held on to my umbrella in strong gusts",
            "drove slowly through thick fog",
        ],
    },
    {
        "query": "validation loss rising while training loss falls",
        "lexical": [
            "Validation loss kept rising while training loss falls: clear overfitting after epoch five.",
            "Added dropout to fight overfitting, and validation accuracy improved.",
            "Overfitting shows when training accuracy is high but validation lags behind.",
        ],
        "paraphrase": [
            "The model memorised the training set and did poorly on held-out data.",
            "Generalisation was bad: the network fit noise in the train split, so I added weight decay.",
        ],
        "decoy": [
            "Weight loss validation at the clinic: rising on the scale after training, then it falls again.",
            "Overfitting the shelf into the alcove needed a validation of the measurements by my landlord.",
        ],
        "aspects": [
            "labelled two thousand images for the classifier",
            "rented a GPU to train the larger network",
            "trained a new tokenizer on the corpus",
            "compared sentence embeddings with cosine similarity",
            "lowered the learning rate after the loss spiked",
            "ran a grid search over batch sizes",
        ],
    },
    {
        "query": "guitar chords",
        "term": "Wildflower Road",
        "term_entries": [
            "Learned the chords of Wildflower Road tonight: E minor, C and G, with a tricky change in the chorus.",
            "Open mic at the pub. I played Wildflower Road and my hands shook through the first verse, but people clapped.",
            "Wrote a second verse for Wildflower Road about the summer we moved, and it finally rhymes without forcing it.",
            "Recorded a rough demo in the spare room with one microphone; Wildflower Road sounds better slower.",
            "Band practice: everyone agreed the bridge of Wildflower Road needs a slower tempo and fewer drums."
        ],
        "lexical": [
            "Learned three new guitar chords: E minor, C and G.",
            "Guitar chords with barres still make my fingers hurt.",
            "Wrote the guitar chords above the lyrics of the song.",
        ],
        "paraphrase": [
            "Practised the F barre shape on the six-string until it rang clean.",
            "Strummed the I IV V progression on my acoustic for an hour.",
        ],
        "decoy": [
            "Picked poppies and cornflowers along the country lane on the walk home.",
            "The meadow by the lane is full of daisies this month, and the bees are everywhere."
        ],
        "aspects": [
            "practised piano scales with a metronome",
            "sang in the choir rehearsal",
            "went to a jazz concert downtown",
            "played a drum groove along a record",
            "studied modes in a music theory book",
            "recorded a demo in the home studio",
        ],
    },
    {
        "query": "packing moving boxes for the new flat",
        "lexical": [
            "Packing moving boxes of books for the new flat.",
            "Bought moving boxes and packing tape for next week.",
            "Labelled the moving boxes by room.",
        ],
        "paraphrase": [
            "Wrapped the plates in newspaper and stacked the cartons in the hallway for the relocation.",
            "The van arrived and we loaded the crates of kitchenware into it.",
        ],
        "decoy": [
            "A moving speech at the new flat's housewarming, and the gift boxes needed packing paper.",
            "Watched boxes moving along the conveyor belt during the warehouse tour.",
        ],
        "aspects": [
            "explored the cafes of the new neighbourhood",
            "set up the electricity and internet contracts",
            "registered my new address at the town hall",
            "assembled the wardrobe for the bedroom",
            "got the deposit back from the old landlord",
            "hung the pictures in the living room",
        ],
    },
    {
        "query": "password manager",
        "term": "KeePassXC",
        "term_entries": [
            "Security afternoon. Switched to KeePassXC and rotated the passwords of my old accounts, one by one.",
            "The audit in KeePassXC flagged three reused passwords, two of them on shopping sites I forgot I had.",
            "Synced the vault file to my phone through the shared folder, so KeePassXC works on both devices now.",
            "Set up the new laptop: disk encryption, the backup job, and KeePassXC with the key file on a separate stick.",
            "The browser plugin of KeePassXC filled in the wrong account on the bank site; I fixed the entry's URL."
        ],
        "lexical": [
            "Switched to a password manager and rotated my old passwords.",
            "The password manager flagged three reused passwords.",
            "Exported the password manager vault as an encrypted file.",
        ],
        "paraphrase": [
            "Stored all my logins in an encrypted vault app behind one strong master phrase.",
            "Generated unique random credentials for every site with a keychain tool.",
        ],
        "decoy": [
            "Tried Bitwarden for a week but went back to the browser's built-in vault.",
            "The family plan of 1Password is too expensive for what we use."
        ],
        "aspects": [
            "enabled two-factor authentication on the mail account",
            "reported a phishing email to the security team",
            "generated a new SSH key for the build machine",
            "renewed the TLS certificate before it expired",
            "tightened the firewall rules on the server",
            "installed the operating system updates",
        ],
    },
    {
        "query": "sore throat and fever since yesterday",
        "lexical": [
            "Sore throat and a slight fever since yesterday morning.",
            "The fever is gone but the sore throat lingers.",
            "Sore throat, fever and chills, so I stayed in bed.",
        ],
        "paraphrase": [
            "Swallowing hurts and my temperature hit 38.5; I called in sick.",
            "My tonsils are swollen and I am burning up.",
        ],
        "decoy": [
            "Fever pitch at the stadium since yesterday; we screamed ourselves a sore throat.",
            "The band's song Fever left the singer with a sore throat after the encore.",
        ],
        "aspects": [
            "had two fillings done at the dentist",
            "got new glasses after the eye test",
            "started taking vitamin D in winter",
            "sneezed all day because of the pollen",
            "did exercises for my lower back",
            "gave blood for the annual check-up",
        ],
    },
    {
        "query": "the context window filled up during a long task",
        "lexical": [
            "The context window filled up halfway through a long task, so I summarised earlier notes.",
            "Hit the context window limit while reading the long log file.",
            "A larger context window would let me keep the whole spec in view.",
        ],
        "paraphrase": [
            "Ran out of room for tokens in the prompt and had to drop older turns of the conversation.",
            "The model forgot instructions given at the start because the prompt grew past its limit.",
        ],
        "decoy": [
            "For context: the window cleaner filled a long task list at noon.",
            "Out of context, the photo of the broken window looked dramatic.",
        ],
        "aspects": [
            "called a search tool to look up the API documentation",
            "planned the refactor as five small steps",
            "wrote a diary entry about what I learned today",
            "signed a message with my Ed25519 key",
            "redeemed a voucher from another agent",
            "shared my diary with a reviewer agent",
        ],
    },
]


def main():
    entries, queries = [], []
    for topic in TOPICS:
        if "term" in topic:
            query = topic["term"]
            kinds = [("term", text) for text in topic["term_entries"]]
            kinds += [("neighbour", text) for text in topic["decoy"]]
        else:
            query = topic["query"]
            kinds = [("lexical", text) for text in topic["lexical"]]
            kinds += [("paraphrase", text) for text in topic["paraphrase"]]
            kinds += [("decoy", text) for text in topic["decoy"]]
        kinds += [("neighbour", template.format(a=aspect)) for aspect in topic["aspects"] for template in TEMPLATES]
        assert len(kinds) == 25, query
        relevant = []
        for kind, text in kinds:
            entry_id = f"e{len(entries) + 1:03d}"
            entries.append({"id": entry_id, "content": text, "kind": kind})
            if kind in ("lexical", "paraphrase", "term"):
                relevant.append(entry_id)
        assert len(relevant) == 5, query
        queries.append({"query": query, "kind": "name" if "term" in topic else "descriptive", "relevant": relevant})
    json.dump({"entries": entries, "queries": queries}, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


main()
